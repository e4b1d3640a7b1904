import { DEMO_CITIES } from './demo-cities';

export const DEMO_PASSWORD = 'wissensnetz-demo';
export const DEMO_DOMAIN = 'demo.wissensnetz.example';
export const ORGANIZER_EMAIL = `organizer@${DEMO_DOMAIN}`;

export interface DemoAccount {
  email: string;
  displayName: string;
  organizer: boolean;
  memberships: Array<{ citySlug: string; role: 'COORDINATOR' | 'MEMBER' }>;
}

/**
 * One organizer for the national office, and a coordinator and a member for
 * every demo city. The member of Ingolstadt also works for Puchheim, to show a
 * person with two cities. Names are role descriptions, not people.
 */
export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    {
      email: ORGANIZER_EMAIL,
      displayName: 'Netzwerkbüro (Demo)',
      organizer: true,
      memberships: [],
    },
  ];
  for (const city of DEMO_CITIES) {
    accounts.push({
      email: `coordinator.${city.slug}@${DEMO_DOMAIN}`,
      displayName: `Koordination ${city.name}`,
      organizer: false,
      memberships: [{ citySlug: city.slug, role: 'COORDINATOR' }],
    });
    accounts.push({
      email: `member.${city.slug}@${DEMO_DOMAIN}`,
      displayName: `Mitglied ${city.name}`,
      organizer: false,
      memberships: [
        { citySlug: city.slug, role: 'MEMBER' },
        ...(city.slug === 'ingolstadt' ? [{ citySlug: 'puchheim', role: 'MEMBER' as const }] : []),
      ],
    });
  }
  // Cloppenburg's "Initiative Prävention" (issue 14): two of its steering group have accounts.
  accounts.push(
    {
      email: `steuerung.cloppenburg@${DEMO_DOMAIN}`,
      displayName: 'Steuerungsgruppe Prävention Cloppenburg',
      organizer: false,
      memberships: [{ citySlug: 'cloppenburg', role: 'MEMBER' }],
    },
    {
      email: `familienbuero.cloppenburg@${DEMO_DOMAIN}`,
      displayName: 'Familienbüro Cloppenburg',
      organizer: false,
      memberships: [{ citySlug: 'cloppenburg', role: 'MEMBER' }],
    },
  );
  return accounts;
}
