import { useTranslation } from 'react-i18next';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-checks';

/** The API's password rules, told before the first try. */
export function PasswordRules() {
  const { t } = useTranslation();
  return (
    <>
      <span>{t('password.rulesIntro')}</span>
      <ul className="field__rules">
        <li>{t('password.ruleLength', { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH })}</li>
        <li>{t('password.ruleCommon')}</li>
        <li>{t('password.ruleEmail')}</li>
      </ul>
    </>
  );
}
