import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** localStorage key that keeps the visitor's language across visits. */
export const LANGUAGE_STORAGE_KEY = 'wissensnetz.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : 'de';
  } catch {
    // Storage can be blocked (privacy settings); German is the default anyway.
    return 'de';
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'de';
}

/** BCP 47 locale for number formatting in the chosen language. */
export function numberLocale(language: Language): string {
  return language === 'de' ? 'de-DE' : 'en-GB';
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not being able to remember the choice must not break switching.
  }
});

/**
 * German is bundled (the default and the fallback); English is its own chunk, fetched only
 * by those who choose it, so a first visit does not download both languages.
 */
const otherLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language !== 'en') return callback(null, language === 'de' ? de : {});
    import('./en.json').then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};

/** Resolves once the chosen language's texts are there; main.tsx renders after it. */
export const i18nReady = i18n
  .use(otherLanguages)
  .use(initReactI18next)
  .init({
    resources: { de: { translation: de } },
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: 'de',
    supportedLngs: [...LANGUAGES],
    // German is bundled, so a German first render already has its texts.
    initAsync: false,
    interpolation: { escapeValue: false },
  });

document.documentElement.lang = i18n.language;

export default i18n;
