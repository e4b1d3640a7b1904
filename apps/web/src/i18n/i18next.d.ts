import 'i18next';
import type de from './de.json';

// German is the reference language: every key used in t() must exist in de.json.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof de };
  }
}
