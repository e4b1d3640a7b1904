import type { TFunction } from 'i18next';

/** A person as the API shows them to others (Person): an erased account is a former member. */
export interface PersonLike {
  displayName: string;
  formerMember?: boolean;
  city?: { name: string } | null;
}

/**
 * The name to show for a person: theirs, or "former member of <city>" once their account
 * was erased (the city in whose name they appear there, e.g. the practice's).
 */
export function personName(t: TFunction, person: PersonLike, cityName?: string | null): string {
  if (!person.formerMember) return person.displayName;
  const city = person.city?.name ?? cityName;
  return city ? t('person.formerMemberOf', { city }) : t('person.formerMember');
}
