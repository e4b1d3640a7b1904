import { FEDERAL_STATES, isFederalStateCode } from '@wissensnetz/domain';
import type { Language } from '../../i18n';

/** A federal state's name from its ISO code, in the page's language. */
export function stateName(code: string, language: Language): string {
  return isFederalStateCode(code) ? FEDERAL_STATES[code][language] : code;
}
