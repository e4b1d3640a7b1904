import { createBackup } from '../backup/backup';
import { runCommand } from './run-command';

/**
 * `npm run backup [file]`: PostgreSQL data, the stored files and a manifest in one
 * archive (default ./wissensnetz-backup-<time>.tar.gz). Runs no migration: the backup
 * shows the data as it is.
 */
runCommand(
  async (config) => {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = process.argv[2] ?? `wissensnetz-backup-${stamp}.tar.gz`;
    const { archive, manifest } = await createBackup(config, target, console.log);
    console.log(
      `Sicherung geschrieben: ${archive} (Stand ${manifest.migrations.at(-1)}, ` +
        `${manifest.tables.length} Tabellen, ${manifest.files.length} Dateien)`,
    );
  },
  { migrate: false },
);
