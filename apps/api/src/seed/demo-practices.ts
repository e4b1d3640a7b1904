import { createHash } from 'node:crypto';

export interface PracticeTemplate {
  key: string;
  title: string;
  summary: string;
  goal: string;
  steps: string[];
  outcomes: string;
  resources: string;
  partners: string;
  topics: string[];
  tags: string[];
}

/**
 * Invented but realistic programmes of engaged municipalities. `{city}` is
 * replaced by the city's name. Nothing here describes a real project or person.
 */
export const PRACTICE_TEMPLATES: PracticeTemplate[] = [
  {
    key: 'engagement-lotsen',
    title: 'Engagement-Lotsen in {city}',
    summary:
      'Ehrenamtliche Lotsinnen und Lotsen begleiten Menschen, die sich engagieren möchten, zum passenden Verein oder Projekt.',
    goal: 'Mehr Menschen den Einstieg ins Ehrenamt erleichtern, besonders Neuzugezogenen und Menschen im Übergang in den Ruhestand.',
    steps: [
      'Qualifizierung von zwölf Lotsinnen und Lotsen in vier Abendmodulen',
      'Sprechstunden in Bibliothek und Bürgerbüro',
      'Vermittlung über eine gemeinsame Liste offener Engagements',
    ],
    outcomes:
      'Im ersten Jahr fanden über 140 Menschen ein Engagement; zwei Drittel sind nach sechs Monaten noch aktiv.',
    resources: 'Eine halbe Koordinationsstelle, Schulungsbudget, Räume der Stadtbibliothek.',
    partners: 'Freiwilligenagentur, Stadtbibliothek, Seniorenbeirat',
    topics: ['neue-engagementformen', 'generationenwechsel'],
    tags: ['ehrenamt', 'vermittlung', 'lotsen'],
  },
  {
    key: 'digitale-sprechstunde',
    title: 'Digitale Sprechstunde für Vereine',
    summary:
      'Jeden Monat beantworten Ehrenamtliche mit IT-Erfahrung Fragen von Vereinen zu Website, Datenschutz und Online-Mitgliederverwaltung.',
    goal: 'Vereine bei der Digitalisierung unterstützen, ohne dass jeder Verein eigene Fachleute braucht.',
    steps: [
      'Offene Sprechstunde am ersten Dienstag im Monat',
      'Kurzworkshops zu Videokonferenzen und Cloud-Ablage',
      'Sammlung von Vorlagen für Datenschutzerklärungen',
    ],
    outcomes:
      '38 Vereine nutzten das Angebot; 15 haben ihre Mitgliederverwaltung digital umgestellt.',
    resources: 'Laptop-Pool, Raum mit WLAN, Fahrtkostenerstattung für Ehrenamtliche.',
    partners: 'Volkshochschule, Stadtsportbund, örtliches IT-Unternehmen',
    topics: ['digitalisierung'],
    tags: ['vereine', 'datenschutz', 'website', 'digital'],
  },
  {
    key: 'jugendforum-praevention',
    title: 'Jugendforum Prävention',
    summary:
      'Jugendliche entwickeln im Jugendforum eigene Ideen gegen Mobbing, Gewalt und Ausgrenzung und setzen sie mit einem kleinen Budget um.',
    goal: 'Junge Menschen an Präventionsarbeit beteiligen und ihre Sicht ernst nehmen.',
    steps: [
      'Auftaktwerkstatt mit Schulen und Jugendzentren',
      'Drei Arbeitsgruppen mit Patenschaften aus Verwaltung und Polizei',
      'Präsentation im Jugendhilfeausschuss',
    ],
    outcomes:
      'Ein Peer-Beratungsangebot an zwei Schulen und eine Plakatkampagne gegen Cybermobbing.',
    resources: 'Projektbudget von 5.000 Euro, Moderation, Räume im Jugendzentrum.',
    partners: 'Stadtjugendring, Schulsozialarbeit, Präventionsrat',
    topics: ['praevention-jugend', 'beteiligung'],
    tags: ['jugend', 'mobbing', 'schule'],
  },
  {
    key: 'buendnis-demokratie',
    title: 'Bündnis für Demokratie und Vielfalt {city}',
    summary:
      'Vereine, Kirchen, Schulen und Verwaltung treten gemeinsam für ein respektvolles Miteinander ein und organisieren Aktionswochen.',
    goal: 'Demokratische Kultur vor Ort sichtbar machen und rechtsextremen Positionen gemeinsam entgegentreten.',
    steps: [
      'Gemeinsame Erklärung von über 40 Organisationen',
      'Aktionswochen mit Lesungen, Stadtspaziergängen und Diskussionen',
      'Fortbildung „Stammtischparolen begegnen“',
    ],
    outcomes:
      'Die Aktionswochen erreichten rund 2.000 Menschen; das Bündnis trifft sich vierteljährlich.',
    resources: 'Koordination durch die Partnerschaft für Demokratie, Öffentlichkeitsarbeit.',
    partners: 'Partnerschaft für Demokratie, Kirchengemeinden, Sportvereine',
    topics: ['praevention-demokratie-toleranz'],
    tags: ['demokratie', 'vielfalt', 'bündnis'],
  },
  {
    key: 'hilfenetz-haeusliche-gewalt',
    title: 'Hilfenetz gegen häusliche Gewalt',
    summary:
      'Geschulte Ehrenamtliche informieren in Apotheken, Arztpraxen und Vereinen über Hilfsangebote bei häuslicher Gewalt.',
    goal: 'Betroffene schneller zu Beratung und Schutz bringen und das Thema enttabuisieren.',
    steps: [
      'Schulungen mit der Frauenberatungsstelle',
      'Infokarten in mehreren Sprachen an über 60 Orten',
      'Runder Tisch mit Polizei und Jugendamt',
    ],
    outcomes: 'Die Beratungsstelle verzeichnet deutlich mehr Erstkontakte über die Infokarten.',
    resources: 'Druckkosten, Honorare für Schulungen, Übersetzungen.',
    partners: 'Frauenberatungsstelle, Polizei, Jugendamt, Apothekerverband',
    topics: ['praevention-haeusliche-gewalt'],
    tags: ['gewaltschutz', 'beratung', 'frauen'],
  },
  {
    key: 'klimapaten',
    title: 'Klimapatenschaften im Quartier',
    summary:
      'Freiwillige Klimapatinnen und -paten beraten Nachbarinnen und Nachbarn zu Energiesparen, Balkonkraftwerken und Begrünung.',
    goal: 'Klimaschutz in den Alltag bringen und Nachbarschaften stärken.',
    steps: [
      'Ausbildung in Energieberatung light',
      'Aktionstage mit Strommessgeräten zum Ausleihen',
      'Pflanzaktionen für Baumscheiben',
    ],
    outcomes: 'Über 300 Haushalte beraten; 50 neue Baumscheibenpatenschaften.',
    resources: 'Messgeräte, Saatgut, Schulungsmaterial der Verbraucherzentrale.',
    partners: 'Verbraucherzentrale, Stadtwerke, Wohnungsbaugesellschaft',
    topics: ['nachhaltigkeit'],
    tags: ['klimaschutz', 'energie', 'nachbarschaft'],
  },
  {
    key: 'vorstand-staffelstab',
    title: 'Staffelstab: Nachfolge in Vereinsvorständen',
    summary:
      'Ein Mentoringprogramm bringt erfahrene Vorstände und Nachwuchs zusammen und erleichtert die Übergabe von Ämtern.',
    goal: 'Dem Nachwuchsmangel in Vorständen begegnen und Wissen sichern.',
    steps: [
      'Tandems aus erfahrenen und neuen Vorstandsmitgliedern',
      'Workshops zu Haftung, Finanzen und Moderation',
      'Übergabe-Checkliste für Vereine',
    ],
    outcomes: '22 Tandems; in 14 Vereinen wurden Vorstandsämter neu besetzt.',
    resources: 'Koordination, Referentenhonorare, Checklisten-Druck.',
    partners: 'Stadtsportbund, Kulturvereine, Sparkassenstiftung',
    topics: ['generationenwechsel'],
    tags: ['vorstand', 'nachfolge', 'mentoring', 'vereine'],
  },
  {
    key: 'buergerhaushalt',
    title: 'Bürgerhaushalt {city}',
    summary:
      'Einwohnerinnen und Einwohner schlagen Projekte vor und entscheiden online und vor Ort über einen Teil des Haushalts.',
    goal: 'Beteiligung an kommunalen Entscheidungen erlebbar machen.',
    steps: [
      'Ideensammlung online und auf dem Wochenmarkt',
      'Prüfung durch die Verwaltung mit öffentlicher Begründung',
      'Abstimmung und Umsetzungsbericht',
    ],
    outcomes:
      'Über 180 Vorschläge; zwölf Projekte wurden umgesetzt, darunter Sitzbänke und ein Jugendtreff.',
    resources: 'Budget von 100.000 Euro, Beteiligungsplattform, Moderation.',
    partners: 'Kämmerei, Ortsbeiräte, Jugendparlament',
    topics: ['beteiligung'],
    tags: ['bürgerhaushalt', 'partizipation', 'online'],
  },
  {
    key: 'engagement-boerse-digital',
    title: 'Digitale Engagementbörse',
    summary:
      'Eine Online-Börse zeigt kurzfristige und projektbezogene Einsätze, auf die sich Interessierte mit wenigen Klicks melden.',
    goal: 'Flexibles, zeitlich begrenztes Engagement ermöglichen.',
    steps: [
      'Auswahl einer datensparsamen Plattform',
      'Schulung der Vereine im Einstellen von Angeboten',
      'Bewerbung über soziale Medien und Schulen',
    ],
    outcomes: 'Rund 90 Angebote pro Jahr; viele Erstengagierte unter 30.',
    resources: 'Lizenzkosten, Redaktion durch die Freiwilligenagentur.',
    partners: 'Freiwilligenagentur, Hochschule, Lokalzeitung',
    topics: ['neue-engagementformen', 'digitalisierung'],
    tags: ['engagementbörse', 'kurzzeit', 'online'],
  },
  {
    key: 'demokratie-werkstatt-schule',
    title: 'Demokratiewerkstatt an Schulen',
    summary:
      'Schülerinnen und Schüler simulieren Ratssitzungen, sprechen mit Kommunalpolitik und bringen eigene Anträge ein.',
    goal: 'Demokratische Prozesse verständlich machen und Jugendliche zur Beteiligung ermutigen.',
    steps: [
      'Planspiel im Ratssaal',
      'Fragestunde mit Fraktionen',
      'Einbringen eines Antrags in den Fachausschuss',
    ],
    outcomes: 'Jährlich acht Schulklassen; zwei Anträge wurden vom Rat beschlossen.',
    resources: 'Moderation, Ratssaal, Busfahrten.',
    partners: 'Schulen, Ratsbüro, Landeszentrale für politische Bildung',
    topics: ['praevention-demokratie-toleranz', 'praevention-jugend', 'beteiligung'],
    tags: ['schule', 'planspiel', 'kommunalpolitik'],
  },
  {
    key: 'repair-cafe',
    title: 'Repair-Café {city}',
    summary:
      'Ehrenamtliche reparieren gemeinsam mit Besucherinnen und Besuchern Elektrogeräte, Fahrräder und Kleidung.',
    goal: 'Ressourcen schonen, Wissen weitergeben und Begegnung schaffen.',
    steps: [
      'Monatlicher Termin im Gemeindehaus',
      'Werkzeugspenden und Sicherheitsunterweisung',
      'Kooperation mit der Berufsschule',
    ],
    outcomes:
      'Rund 60 Prozent der Geräte können repariert werden; feste Gruppe von 15 Ehrenamtlichen.',
    resources: 'Werkzeug, Haftpflichtversicherung, Kaffee und Kuchen.',
    partners: 'Kirchengemeinde, Berufsschule, Abfallberatung',
    topics: ['nachhaltigkeit', 'neue-engagementformen'],
    tags: ['reparieren', 'ressourcen', 'begegnung'],
  },
  {
    key: 'digitalpaten-senioren',
    title: 'Digitalpatinnen und -paten für Ältere',
    summary:
      'Junge und jung gebliebene Freiwillige helfen älteren Menschen beim Umgang mit Smartphone, Tablet und Online-Terminen.',
    goal: 'Digitale Teilhabe im Alter sichern und Generationen verbinden.',
    steps: [
      'Sprechstunden in Seniorentreffs',
      'Leihgeräte für Einsteigerinnen und Einsteiger',
      'Schulungsheft in großer Schrift',
    ],
    outcomes:
      'Über 400 Beratungen; viele Teilnehmende nutzen nun Videotelefonie mit ihren Familien.',
    resources: 'Leihtablets, Versicherung, Schulungsmaterial.',
    partners: 'Seniorenbeirat, Schulen, Mehrgenerationenhaus',
    topics: ['digitalisierung', 'generationenwechsel'],
    tags: ['senioren', 'smartphone', 'teilhabe'],
  },
  {
    key: 'quartiersrat',
    title: 'Quartiersrat mit Verfügungsfonds',
    summary:
      'Ein gewählter Quartiersrat vergibt einen kleinen Fonds für Nachbarschaftsprojekte und berät die Stadt bei Planungen im Viertel.',
    goal: 'Menschen im Quartier an Entscheidungen beteiligen, die sie direkt betreffen.',
    steps: [
      'Wahl des Quartiersrats auf einem Stadtteilfest',
      'Vergabe des Fonds zweimal im Jahr',
      'Beteiligung an der Spielplatzplanung',
    ],
    outcomes: '30 geförderte Kleinprojekte; neue Aktive aus bisher kaum erreichten Gruppen.',
    resources: 'Verfügungsfonds von 15.000 Euro jährlich, Quartiersmanagement.',
    partners: 'Quartiersmanagement, Wohnungsunternehmen, Migrantenorganisationen',
    topics: ['beteiligung', 'praevention-demokratie-toleranz'],
    tags: ['quartier', 'fonds', 'nachbarschaft'],
  },
  {
    key: 'ferienpass-ehrenamt',
    title: 'Ferienpass mit Vereinen',
    summary:
      'Vereine gestalten in den Sommerferien Schnupperangebote für Kinder und Jugendliche und gewinnen so Nachwuchs.',
    goal: 'Kindern Ferienerlebnisse bieten und Vereinen neue Mitglieder bringen.',
    steps: [
      'Gemeinsames Programmheft und Online-Anmeldung',
      'Ermäßigung für Familien mit geringem Einkommen',
      'Auswertung mit den Vereinen',
    ],
    outcomes: '1.200 Anmeldungen; mehrere Vereine berichten von neuen Mitgliedern.',
    resources: 'Druck, Anmeldesoftware, Zuschüsse für ermäßigte Plätze.',
    partners: 'Vereine, Jugendamt, Stadtmarketing',
    topics: ['praevention-jugend', 'generationenwechsel'],
    tags: ['ferien', 'kinder', 'vereine'],
  },
  {
    key: 'willkommenskultur',
    title: 'Willkommenslotsen für Neuzugezogene',
    summary:
      'Freiwillige empfangen Neuzugezogene, zeigen die Stadt und stellen Kontakte zu Vereinen und Initiativen her.',
    goal: 'Ankommen erleichtern und Engagement von Anfang an ermöglichen.',
    steps: [
      'Willkommenspaket mit Engagementangeboten',
      'Monatlicher Stadtrundgang',
      'Begrüßungsabend im Rathaus',
    ],
    outcomes: 'Rund ein Fünftel der Teilnehmenden engagiert sich im ersten Jahr.',
    resources: 'Willkommenspakete, Koordination, kleines Budget für Führungen.',
    partners: 'Bürgerbüro, Stadtmarketing, Integrationsbeirat',
    topics: ['neue-engagementformen', 'beteiligung'],
    tags: ['willkommen', 'neuzugezogene', 'integration'],
  },
  {
    key: 'praeventionsrat',
    title: 'Kommunaler Präventionsrat',
    summary:
      'Verwaltung, Polizei, Schulen und Zivilgesellschaft stimmen Präventionsangebote ab und schließen Lücken.',
    goal: 'Prävention vernetzt und wirksam organisieren.',
    steps: [
      'Bestandsaufnahme aller Angebote',
      'Arbeitsgruppen Jugend, Gewalt und Demokratie',
      'Jährlicher Präventionstag',
    ],
    outcomes: 'Ein gemeinsamer Angebotskatalog und abgestimmte Termine für Schulen.',
    resources: 'Geschäftsführung im Ordnungsamt, Budget für den Präventionstag.',
    partners: 'Polizei, Schulamt, Jugendhilfe, Vereine',
    topics: [
      'praevention-jugend',
      'praevention-haeusliche-gewalt',
      'praevention-demokratie-toleranz',
    ],
    tags: ['prävention', 'netzwerk', 'sicherheit'],
  },
  {
    key: 'ehrenamtskarte',
    title: 'Ehrenamtskarte und Dankeschön-Abend',
    summary:
      'Engagierte erhalten eine Karte mit Vergünstigungen und werden jährlich bei einem Dankeschön-Abend geehrt.',
    goal: 'Anerkennung für freiwilliges Engagement sichtbar machen.',
    steps: [
      'Vergünstigungen bei Bädern, Museen und Geschäften',
      'Online-Antrag über die Vereine',
      'Dankeschön-Abend mit Kulturprogramm',
    ],
    outcomes: 'Über 900 ausgegebene Karten; 70 Partnerbetriebe.',
    resources: 'Kartenproduktion, Veranstaltungsbudget.',
    partners: 'Einzelhandel, Stadtwerke, Kulturbetriebe',
    topics: ['neue-engagementformen', 'generationenwechsel'],
    tags: ['anerkennung', 'ehrenamtskarte', 'ehrenamt'],
  },
  {
    key: 'mitfahrbank',
    title: 'Mitfahrbänke im ländlichen Raum',
    summary:
      'An markierten Bänken können Menschen ohne Auto signalisieren, wohin sie mitfahren möchten.',
    goal: 'Mobilität und Nachbarschaftshilfe in Ortsteilen ohne guten Nahverkehr stärken.',
    steps: [
      'Standortwahl mit Ortsbeiräten',
      'Klappschilder mit Zielorten',
      'Öffentlichkeitsarbeit und Auswertung',
    ],
    outcomes: 'Zehn Bänke in sechs Ortsteilen; besonders ältere Menschen nutzen das Angebot.',
    resources: 'Bänke, Schilder, Versicherungsberatung.',
    partners: 'Ortsbeiräte, Seniorenbeirat, Bauhof',
    topics: ['nachhaltigkeit', 'beteiligung'],
    tags: ['mobilität', 'ländlicher raum', 'nachbarschaftshilfe'],
  },
  {
    key: 'online-beteiligung-spielplatz',
    title: 'Kinder planen ihren Spielplatz',
    summary:
      'Kinder und Jugendliche gestalten die Erneuerung von Spielplätzen mit Modellbau, Begehungen und Online-Abstimmung.',
    goal: 'Die Nutzerinnen und Nutzer selbst planen lassen.',
    steps: [
      'Begehung mit Kita- und Grundschulgruppen',
      'Modellbauwerkstatt',
      'Online-Abstimmung über drei Entwürfe',
    ],
    outcomes: 'Drei Spielplätze nach Kinderentwürfen erneuert; hohe Zufriedenheit der Familien.',
    resources: 'Moderation, Bastelmaterial, Beteiligungsplattform.',
    partners: 'Grünflächenamt, Kitas, Kinderbüro',
    topics: ['beteiligung', 'praevention-jugend'],
    tags: ['kinder', 'spielplatz', 'planung'],
  },
  {
    key: 'vereinsdigital-check',
    title: 'Digital-Check für Vereine',
    summary:
      'Ein kurzer Selbsttest zeigt Vereinen, wo sie bei Kommunikation, Verwaltung und Datenschutz digital stehen, mit passenden Hilfen.',
    goal: 'Vereinen einen einfachen Einstieg in die Digitalisierung geben.',
    steps: [
      'Fragebogen mit 20 Fragen',
      'Auswertung mit Empfehlungen',
      'Vermittlung an Sprechstunde und Workshops',
    ],
    outcomes:
      '120 Vereine haben den Check gemacht; häufigster Bedarf: Datenschutz und Online-Banking.',
    resources: 'Online-Formular, Beratungsstunden.',
    partners: 'Volkshochschule, Stadtsportbund',
    topics: ['digitalisierung'],
    tags: ['vereine', 'selbsttest', 'digital'],
  },
  {
    key: 'gewaltfreie-schule',
    title: 'Streitschlichtung an Grundschulen',
    summary: 'Ehrenamtliche Mediatorinnen und Mediatoren bilden Kinder zu Streitschlichtern aus.',
    goal: 'Konflikte früh und gewaltfrei lösen.',
    steps: [
      'Ausbildung der Ehrenamtlichen',
      'Wöchentliche AG an vier Grundschulen',
      'Austauschtreffen mit Lehrkräften',
    ],
    outcomes: 'Lehrkräfte berichten von weniger Pausenkonflikten.',
    resources: 'Ausbildungskosten, Materialkisten.',
    partners: 'Grundschulen, Mediationsverein, Schulsozialarbeit',
    topics: ['praevention-jugend', 'praevention-haeusliche-gewalt'],
    tags: ['mediation', 'schule', 'konflikte'],
  },
  {
    key: 'nachhaltigkeitsbeirat',
    title: 'Nachhaltigkeitsbeirat mit Bürgerinnen und Bürgern',
    summary:
      'Ein zufällig ausgeloster Beirat berät Rat und Verwaltung bei der lokalen Nachhaltigkeitsstrategie.',
    goal: 'Vielfältige Perspektiven in die Nachhaltigkeitsplanung bringen.',
    steps: [
      'Losverfahren aus dem Melderegister',
      'Sechs Sitzungen mit Fachinput',
      'Empfehlungen an den Rat',
    ],
    outcomes: '18 Empfehlungen, davon 11 vom Rat aufgegriffen.',
    resources: 'Moderation, Aufwandsentschädigungen.',
    partners: 'Klimaschutzmanagement, Hochschule',
    topics: ['nachhaltigkeit', 'beteiligung'],
    tags: ['losverfahren', 'bürgerrat', 'strategie'],
  },
  {
    key: 'engagement-forum',
    title: 'Engagement-Forum {city}',
    summary:
      'Einmal im Jahr treffen sich Vereine, Initiativen und Verwaltung, um Bedarfe zu besprechen und gemeinsame Vorhaben zu planen.',
    goal: 'Engagementförderung gemeinsam mit der Zivilgesellschaft steuern.',
    steps: [
      'Bedarfsumfrage vorab',
      'Forum mit Open-Space-Runden',
      'Verabredungen mit Verantwortlichen und Terminen',
    ],
    outcomes: 'Aus dem Forum entstanden eine Raumbörse und ein Fortbildungsprogramm.',
    resources: 'Moderation, Veranstaltungsort, Dokumentation.',
    partners: 'Freiwilligenagentur, Vereine, Verwaltung',
    topics: ['beteiligung', 'neue-engagementformen'],
    tags: ['forum', 'vernetzung', 'open space'],
  },
  {
    key: 'raumboerse',
    title: 'Raumbörse für Initiativen',
    summary:
      'Eine Übersicht freier Räume in Schulen, Gemeindehäusern und Betrieben hilft Initiativen, Treffpunkte zu finden.',
    goal: 'Fehlende Räume als Hürde für Engagement abbauen.',
    steps: [
      'Erhebung verfügbarer Räume',
      'Einfache Buchungsregeln und Schlüsselverwaltung',
      'Online-Kalender',
    ],
    outcomes: '45 Räume in der Börse; über 600 Buchungen im Jahr.',
    resources: 'Kalendersoftware, Koordination der Schlüssel.',
    partners: 'Schulverwaltung, Kirchengemeinden, Unternehmen',
    topics: ['neue-engagementformen', 'digitalisierung'],
    tags: ['räume', 'buchung', 'initiativen'],
  },
];

/** A stable uuid from a text: the same seed gives the same ids, so re-seeding updates in place. */
export function stableUuid(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** Deterministic pseudo-random numbers (mulberry32), so seeds are reproducible. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedPractice {
  id: string;
  citySlug: string;
  title: string;
  summary: string;
  body: string;
  outcomes: string;
  resourcesNeeded: string;
  partners: string;
  topics: string[];
  tags: string[];
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  visibility: 'CITY' | 'NETWORK' | 'PUBLIC';
  periodFrom: string;
  periodTo: string | null;
  contactName: string;
  contactEmail: string;
  /** When the first draft was saved (its first revision), ISO. */
  createdAt: string;
  /** When it was published (null for drafts); never before `createdAt`. */
  publishedAt: string | null;
  /** The city whose practice of the same title this one follows (named in the body), if any. */
  modelCitySlug: string | null;
}

const DAY = 24 * 60 * 60 * 1000;
/** The demo's practices were written between their start and this day. */
const LATEST_WRITING = Date.UTC(2025, 10, 15);

/**
 * `count` practices spread over the cities: each city takes a template, in a
 * mixed order; beyond the templates' combinations a running number keeps titles apart.
 * A title without `{city}` that another city used first is that city's idea taken over,
 * and its text says "nach dem Vorbild von ...". Dates are fixed (not relative to today):
 * first revision, then publication, both after the practice started.
 */
export function generatePractices(
  cities: Array<{ slug: string; name: string }>,
  count: number,
  seed = 2024,
): GeneratedPractice[] {
  const next = random(seed);
  const result: GeneratedPractice[] = [];
  // A title met in another city first is that city's idea taken over: the body says so.
  const firstCityOfTitle = new Map<string, { slug: string; name: string }>();
  for (let index = 0; index < count; index++) {
    const city = cities[index % cities.length];
    const template =
      PRACTICE_TEMPLATES[
        (index * 7 + Math.floor(index / cities.length)) % PRACTICE_TEMPLATES.length
      ];
    const round = Math.floor(index / (cities.length * PRACTICE_TEMPLATES.length));
    const title =
      template.title.replace('{city}', city.name) + (round > 0 ? ` (${round + 1})` : '');
    const roll = next();
    const status = roll < 0.82 ? 'PUBLISHED' : roll < 0.94 ? 'DRAFT' : 'ARCHIVED';
    const visibilityRoll = next();
    const visibility =
      visibilityRoll < 0.55 ? 'NETWORK' : visibilityRoll < 0.88 ? 'PUBLIC' : 'CITY';
    const startYear = 2019 + Math.floor(next() * 6);
    const running = next() < 0.6;
    const periodFrom = `${startYear}-0${1 + Math.floor(next() * 9)}-01`;
    const periodTo = running ? null : `${startYear + 1 + Math.floor(next() * 2)}-12-31`;
    // Written down some weeks to years after it started, published a few weeks later.
    const started = Date.parse(`${periodFrom}T09:00:00Z`);
    const created = Math.min(started + Math.floor(next() * 500) * DAY, LATEST_WRITING - 60 * DAY);
    const published = created + (3 + Math.floor(next() * 50)) * DAY;
    const model = firstCityOfTitle.get(title);
    if (!model) firstCityOfTitle.set(title, city);
    const modelCity = model && model.slug !== city.slug ? model : null;
    result.push({
      id: stableUuid(`practice:${seed}:${city.slug}:${template.key}:${round}:${index}`),
      citySlug: city.slug,
      title,
      summary: template.summary,
      body: [
        '## Ausgangslage',
        '',
        modelCity
          ? `${template.goal} ${city.name} hat das Vorhaben nach dem Vorbild von ${modelCity.name} übernommen und an die eigenen Verhältnisse angepasst.`
          : `${template.goal} In ${city.name} wurde dafür ein eigenes Vorgehen entwickelt.`,
        '',
        '## Umsetzung',
        '',
        ...template.steps.map((step) => `- ${step}`),
        '',
        '## Was wir gelernt haben',
        '',
        'Früh die Menschen einbinden, die das Angebot nutzen sollen, und Zuständigkeiten in der Verwaltung klar benennen.',
      ].join('\n'),
      outcomes: template.outcomes,
      resourcesNeeded: template.resources,
      partners: template.partners,
      topics: template.topics,
      tags: template.tags,
      status,
      visibility,
      periodFrom,
      periodTo,
      contactName: `Koordination ${city.name}`,
      contactEmail: `engagement@${city.slug}.example`,
      createdAt: new Date(created).toISOString(),
      publishedAt: status === 'DRAFT' ? null : new Date(published).toISOString(),
      modelCitySlug: modelCity?.slug ?? null,
    });
  }
  return result;
}
