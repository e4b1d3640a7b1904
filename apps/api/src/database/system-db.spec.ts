import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The owner connection bypasses row-level security, so who may reach it is a list, kept
 * exact here (issue 12 point 4): the system parts, nothing that acts for a user.
 */
const SRC = join(__dirname, '..');

/** File (relative to apps/api/src) → why it may use the owner connection. */
const ALLOWED_IMPORTERS: Record<string, string> = {
  'app.module.ts': 'registers SystemDbModule',
  'cli/reindex.ts': 'the reindex command',
  'backup/backup.ts': 'npm run backup: one snapshot of every table (all cities)',
  'backup/restore.ts': 'npm run restore: loads every table, then reindexes',
  'database/data-source.ts': 'migrations',
  'database/pg-listener.ts': 'the LISTEN client',
  'seed/seed-demo.ts': 'the demo seed, written like a migration',
  'search/outbox-worker.ts': 'the search outbox worker',
  'modules/tandems/tandem-events.ts':
    'the live-notes listener: ids of notes whose NOTIFY was lost while LISTEN was away',
  'search/search-sync.ts':
    'the outbox step a narrowing mutation runs at once: the same document the worker builds',
  'modules/notifications/notification-outbox.worker.ts': 'the notification outbox worker',
  'modules/digest/digest.job.ts':
    'the digest job (scheduled): items per person, filtered by what they may see',
  'modules/data-export/data-export.worker.ts':
    'the data-export worker: each section reads only rows about the one person',
  'modules/data-export/data-export-expiry.job.ts': 'the scheduled job deleting expired exports',
  'core/metrics/metrics.service.ts': 'queue gauges for /metrics: counts of the outbox tables',
  'core/health/readiness.ts': 'readiness: which migrations the database has applied',
  'core/jobs/job-scheduler.ts': 'the scheduler of periodic jobs (run records, advisory locks)',
  'modules/retention/registration-retention.job.ts':
    'a scheduled job: participant data of past conferences, across cities',
  'modules/retention/sign-in-retention.job.ts':
    'a scheduled job: expired sessions, reset tokens, invitations of every city',
  'modules/retention/audit-retention.job.ts': 'a scheduled job: pseudonymises old audit entries',
  'modules/retention/feedback-retention.job.ts':
    'a scheduled job: deletes old accessibility feedback (organizers-only rows)',
  'modules/statistics/unfound-search-retention.job.ts':
    'a scheduled job: deletes unfound search words older than 12 months',
  'modules/initiatives/suggestion-contact-retention.job.ts':
    'a scheduled job: erases contact details of closed suggestions in every city',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const isSource =
      entry.name.endsWith('.ts') && !/\.(spec|integration-spec)\.ts$/.test(entry.name);
    return isSource ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({
  name: relative(SRC, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));

/** import … from '…/system-db', import('…/system-db'), require('…/system-db'). */
const IMPORTS_SYSTEM_DB =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"][^'"]*\/system-db(?:\.js)?['"]/;

describe('the owner connection (database/system-db.ts)', () => {
  it('is imported by exactly the allowed system parts', () => {
    const importers = FILES.filter((file) => IMPORTS_SYSTEM_DB.test(file.text))
      .map((file) => file.name)
      .sort();
    expect(importers).toEqual(Object.keys(ALLOWED_IMPORTERS).sort());
  });

  it('is the only place that connects with DATABASE_MIGRATION_URL', () => {
    const readers = FILES.filter((file) => /\bmigrationUrl\b/.test(file.text))
      .map((file) => file.name)
      .sort();
    // config.ts defines it; system-db.ts is the one reader.
    expect(readers).toEqual(['core/config/config.ts', 'database/system-db.ts']);
  });

  it('sees every kind of import (the scan itself works)', () => {
    for (const line of [
      "import { SYSTEM_DB } from '../database/system-db';",
      'import type { DataSource } from "../../database/system-db";',
      "const { createSystemDb } = require('../database/system-db.js');",
      "await import('./system-db')",
    ])
      expect(IMPORTS_SYSTEM_DB.test(line)).toBe(true);
    expect(IMPORTS_SYSTEM_DB.test("import { TenantDb } from '../core/tenancy/tenant-db';")).toBe(
      false,
    );
  });
});
