import { seedDemo } from '../seed/seed-demo';
import { runCommand } from './run-command';

/** `npm run seed`: migrates and writes the demo network into the configured database. */
runCommand(async (config) => {
  await seedDemo(config, console.log);
});
