import { ConfigError } from './core/config/config';
import { defaultWebDist, startPlatform, type RunningPlatform } from './bootstrap';
import { DEMO_DOMAIN, DEMO_PASSWORD, ORGANIZER_EMAIL } from './seed/demo-accounts';
import { OutboxWorker } from './search/outbox-worker';
import { PRACTICES_INDEX } from './modules/practices/practice-search.source';

async function main(): Promise<void> {
  let platform: RunningPlatform | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    platform?.logger.info(`${signal} received, shutting down`);
    await platform?.stop();
    process.exit(0);
  };
  // Registered before the start so Ctrl-C during start-up also stops the databases.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    platform = await startPlatform({ webDist: defaultWebDist() });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error('Wissensnetz could not start:', error);
    }
    process.exit(1);
  }
  const { url, config, services } = platform;
  // On a first start the demo practices are still on their way into the search index;
  // the address is printed once search finds them (the API answers already meanwhile).
  // Later starts do not wait: the seed only re-sends cities and conferences, whose
  // documents are in the index already (waiting for them cost 2–20 s of every start).
  const outbox = platform.app.get(OutboxWorker);
  if (config.searchWorker && (await outbox.pending(PRACTICES_INDEX)) > 0) {
    process.stdout.write('  Suchindex wird aufgebaut …\n');
    await outbox
      .settle(60_000)
      .catch((error: unknown) =>
        platform?.logger.warn({ err: error }, 'search index still filling; search catches up'),
      );
  }
  const lines = [
    '',
    `  Wissensnetz läuft auf ${url}/`,
    `  GraphQL-API:          ${url}/graphql`,
    `  Zustand:              ${url}/health`,
    services?.started.postgres
      ? `  Daten:                eingebettetes PostgreSQL + Meilisearch ${services.meiliVersion ?? ''} unter ${process.env.DATA_DIR ?? '.data'}/`
      : '',
    config.seedDemo
      ? '  Demo-Daten:           das Netzwerk „Engagierte Stadt“ mit seinen Mitgliedsstädten'
      : '',
    ...(config.seedDemo
      ? [
          `  Anmelden:             ${url}/anmelden  (Passwort jeweils ${DEMO_PASSWORD})`,
          `    Netzwerkbüro:       ${ORGANIZER_EMAIL}`,
          `    Koordination:       coordinator.<stadt>@${DEMO_DOMAIN}  (z. B. coordinator.cloppenburg@…)`,
          `    Mitglied:           member.<stadt>@${DEMO_DOMAIN}  (z. B. member.goch@…)`,
        ]
      : []),
    ['127.0.0.1', '::1', 'localhost'].includes(config.host)
      ? '  Erreichbar:           nur von diesem Rechner (HOST=0.0.0.0 öffnet es fürs Netz)'
      : `  Erreichbar:           im Netz (HOST=${config.host}); Links in E-Mails: ${config.publicUrl ?? url}`,
    config.smtpUrl || config.production
      ? ''
      : `  E-Mails (Entwicklung): ${url}/dev/mailbox  (nur von diesem Rechner lesbar)`,
    '  Beenden mit Strg+C.',
    '',
  ].filter(Boolean);
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

void main();
