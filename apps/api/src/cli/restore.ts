import { restoreBackup } from '../backup/restore';
import { runCommand } from './run-command';

/**
 * `npm run restore <file>`: into a fresh database (a new DATA_DIR for the embedded
 * PostgreSQL, or an empty database at DATABASE_URL) and the configured file storage,
 * then every search index is rebuilt.
 */
const archive = process.argv[2];
if (!archive) {
  console.error('usage: npm run restore <backup.tar.gz>');
  process.exit(2);
}
runCommand(
  async (config) => {
    const manifest = await restoreBackup(config, archive, console.log);
    console.log(
      `Wiederhergestellt: Sicherung vom ${manifest.createdAt} (Stand ${manifest.migrations.at(-1)}).`,
    );
  },
  { migrate: false },
);
