import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = t('language.switchToLang') as Language;
  return (
    <button
      type="button"
      className="language-switch"
      lang={target}
      aria-label={t('language.switchLabel')}
      data-testid="language-switch"
      onClick={() => void i18n.changeLanguage(target)}
    >
      <span aria-hidden="true" className="language-switch__code">
        {target.toUpperCase()}
      </span>
      {t('language.switchTo')}
    </button>
  );
}
