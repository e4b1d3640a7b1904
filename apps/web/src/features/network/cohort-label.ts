import type { TFunction } from 'i18next';
import { alumniSince } from '@wissensnetz/domain';
import type { SupportPhase } from '../../generated/graphql';

/** "Förderjahr 2 von 3" or "Alumni seit 2027": where a city stands in its support period. */
export function phaseLabel(t: TFunction, cohort: number, phase: SupportPhase): string {
  return phase === 'ALUMNI'
    ? t('supportPhase.alumniSince', { year: alumniSince(cohort) })
    : t(`supportPhase.${phase}`);
}

/** "Jahrgang 2024 · Förderjahr 2 von 3" / "Jahrgang 2015 · Alumni seit 2018". */
export function cohortLabel(t: TFunction, cohort: number, phase: SupportPhase): string {
  return `${t('supportPhase.cohort', { year: cohort })} · ${phaseLabel(t, cohort, phase)}`;
}
