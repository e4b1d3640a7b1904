import { Presets, SingleBar } from 'cli-progress';
import { citySearchSource } from '../modules/cities/city-search.source';
import { conferenceSearchSource } from '../modules/conferences/conference-search.source';
import { recordSearchSource } from '../modules/conferences/record-search.source';
import { practiceSearchSource } from '../modules/practices/practice-search.source';
import { MeiliSearchIndex } from '../search/meili-search-index';
import { createSystemDb } from '../database/system-db';
import { reindex } from '../search/reindex';
import { runCommand } from './run-command';

/** `npm run reindex`: rebuilds every search index (practices, records, conferences, cities) from PostgreSQL and swaps it in. */
runCommand(async (config) => {
  const db = await createSystemDb(config);
  // A rebuild sends large batches and may run long: each request gets a minute, not MEILI_TIMEOUT_MS.
  const search = new MeiliSearchIndex(config.meiliUrl, config.meiliMasterKey, {
    requestTimeoutMs: Math.max(config.meiliTimeoutMs, 60_000),
  });
  try {
    for (const source of [
      practiceSearchSource,
      recordSearchSource,
      conferenceSearchSource,
      citySearchSource,
    ]) {
      const bar = new SingleBar(
        { format: `Neuaufbau {bar} {value}/{total} (${source.index})` },
        Presets.shades_classic,
      );
      let started = false;
      const summary = await reindex(search, db, source, (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      });
      if (started) bar.stop();
      console.log(
        `Index "${summary.index}" neu aufgebaut: ${summary.documents} Dokumente in ${summary.batches} Paketen, ` +
          `${(summary.ms / 1000).toFixed(1)} s; ${summary.replayed} Änderungen während des Aufbaus werden nachgereicht.`,
      );
    }
  } finally {
    await db.destroy();
  }
});
