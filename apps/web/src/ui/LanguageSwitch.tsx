import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';

/**
 * Names the other language in that language ("English" / "Deutsch"), marked with
 * its `lang`, so screen readers pronounce it right; the visible text is the name.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = t('language.switchToLang') as Language;
  return (
    <button
      type="button"
      className="language-switch"
      lang={target}
      data-testid="language-switch"
      onClick={() => void i18n.changeLanguage(target)}
    >
      {t('language.switchTo')}
    </button>
  );
}
