export interface TopicSeed {
  slug: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  children?: TopicSeed[];
}

/** The network's recurring themes; prevention carries its three action fields. */
export const DEMO_TOPICS: TopicSeed[] = [
  {
    slug: 'digitalisierung',
    name: 'Digitalisierung',
    nameEn: 'Digitalisation',
    description: 'Digitale Werkzeuge und Kompetenzen für Vereine, Initiativen und Verwaltung.',
    descriptionEn: 'Digital tools and skills for associations, initiatives and local government.',
  },
  {
    slug: 'neue-engagementformen',
    name: 'Neue Engagementformen',
    nameEn: 'New forms of engagement',
    description: 'Kurzzeit-, Projekt- und Online-Engagement neben dem klassischen Ehrenamt.',
    descriptionEn: 'Short-term, project-based and online volunteering beside classic roles.',
  },
  {
    slug: 'nachhaltigkeit',
    name: 'Nachhaltigkeit',
    nameEn: 'Sustainability',
    description: 'Klimaschutz, Ressourcen und nachhaltige Entwicklung vor Ort gemeinsam gestalten.',
    descriptionEn: 'Shaping climate action, resources and sustainable local development together.',
  },
  {
    slug: 'generationenwechsel',
    name: 'Generationenwechsel',
    nameEn: 'Generational change',
    description: 'Nachwuchs für Vorstände und Ehrenämter gewinnen und Wissen weitergeben.',
    descriptionEn: 'Finding successors for boards and volunteer roles and passing on knowledge.',
  },
  {
    slug: 'beteiligung',
    name: 'Beteiligungsprozesse',
    nameEn: 'Participation processes',
    description: 'Bürgerinnen und Bürger an Entscheidungen der Kommune beteiligen.',
    descriptionEn: 'Involving residents in the decisions of their municipality.',
  },
  {
    slug: 'praevention',
    name: 'Prävention',
    nameEn: 'Prevention',
    description: 'Vorbeugen statt reagieren: Engagement, das Konflikte und Gewalt verhindert.',
    descriptionEn: 'Preventing rather than reacting: engagement that averts conflict and violence.',
    children: [
      {
        slug: 'praevention-jugend',
        name: 'Jugend',
        nameEn: 'Youth',
        description: 'Angebote mit und für junge Menschen, Jugendbeteiligung und Schutzräume.',
        descriptionEn: 'Offers with and for young people, youth participation and safe spaces.',
      },
      {
        slug: 'praevention-haeusliche-gewalt',
        name: 'Häusliche Gewalt',
        nameEn: 'Domestic violence',
        description: 'Hilfenetze, Aufklärung und Unterstützung für Betroffene häuslicher Gewalt.',
        descriptionEn:
          'Support networks, awareness and help for people affected by domestic violence.',
      },
      {
        slug: 'praevention-demokratie-toleranz',
        name: 'Demokratie und Toleranz',
        nameEn: 'Democracy and tolerance',
        description: 'Demokratische Kultur stärken, Vielfalt leben, Extremismus vorbeugen.',
        descriptionEn: 'Strengthening democratic culture, living diversity, preventing extremism.',
      },
    ],
  },
];
