import { Presets, SingleBar } from 'cli-progress';
import { practiceSearchSource } from '../modules/practices/practice-search.source';
import { MeiliSearchIndex } from '../search/meili-search-index';
import { reindex } from '../search/reindex';
import { createSearchDb } from '../search/search-db';
import { runCommand } from './run-command';

/** `npm run reindex`: rebuilds the practices index from PostgreSQL and swaps it in. */
runCommand(async (config) => {
  const db = await createSearchDb(config);
  const search = new MeiliSearchIndex(config.meiliUrl, config.meiliMasterKey);
  const bar = new SingleBar(
    { format: 'Neuaufbau {bar} {value}/{total} Praxisbeispiele' },
    Presets.shades_classic,
  );
  let started = false;
  try {
    const summary = await reindex(search, db, practiceSearchSource, (done, total) => {
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
  } finally {
    await db.destroy();
  }
});
