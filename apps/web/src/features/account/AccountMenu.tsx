import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { LogoutDocument, SwitchActingCityDocument } from '../../generated/graphql';
import { useAllCities } from '../network/useAllCities';
import { NotificationsLink } from '../notifications/NotificationsLink';
import { signInPath, workspacePath } from './return-path';
import { isOrganizer, useSession, type SessionUser } from './session';
import './account.css';

/** Header part for the account: "Anmelden", or who is signed in, for which city, and the way out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const { me, refresh } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [, logout] = useMutation(LogoutDocument);
  const [failed, setFailed] = useState(false);

  if (me === undefined) return null;
  if (me === null) {
    const onAuthPage = /^\/(anmelden|passwort-|einladung)/.test(location.pathname);
    return (
      <Link
        className="button button--secondary account-signin"
        to={onAuthPage ? '/anmelden' : signInPath(location.pathname + location.search)}
        data-testid="sign-in-link"
      >
        {t('auth.signIn')}
      </Link>
    );
  }

  const onLogout = async () => {
    setFailed(false);
    const result = await logout({});
    if (result.error) {
      setFailed(true);
      return;
    }
    await refresh();
    navigate('/anmelden', { state: { signedOut: true } });
  };

  return (
    <div className="account" data-testid="account">
      <p className="account__who">
        <span className="account__label">{t('account.menu.signedInAs')}</span>{' '}
        <strong data-testid="account-name">{me.displayName}</strong>
        {me.actingCity ? (
          <>
            <span className="account__sep" aria-hidden="true">
              ·
            </span>
            <span className="account__label">{t('account.menu.actingFor')}</span>{' '}
            {me.memberships.some((membership) => membership.city.slug === me.actingCity?.slug) ? (
              <Link
                to={workspacePath(me.actingCity.slug)}
                className="account__city"
                data-testid="acting-city"
                aria-label={t('workspace.navLink', { city: me.actingCity.name })}
              >
                <strong>{me.actingCity.name}</strong>
              </Link>
            ) : (
              <strong data-testid="acting-city">{me.actingCity.name}</strong>
            )}
          </>
        ) : null}
      </p>
      {isOrganizer(me) ? (
        <OrganizerCitySwitch me={me} />
      ) : me.memberships.length > 1 ? (
        <ActingCitySwitch me={me} options={me.memberships.map((membership) => membership.city)} />
      ) : null}
      <nav className="account__links" aria-label={t('account.menu.navigation')}>
        <ul>
          <li>
            <Link to="/konto">{t('account.menu.myAccount')}</Link>
          </li>
          <li>
            <NotificationsLink />
          </li>
          {isOrganizer(me) ? (
            <>
              <li>
                <Link to="/netzwerk/tandems">{t('tandems.board.navLink')}</Link>
              </li>
              <li>
                <Link to="/netzwerk/protokoll">{t('audit.navLink')}</Link>
              </li>
            </>
          ) : null}
          <li>
            <button type="button" className="link-button" onClick={() => void onLogout()}>
              {t('auth.signOut')}
            </button>
          </li>
        </ul>
      </nav>
      {failed ? (
        <p className="account__error" role="alert">
          {t('account.menu.signOutFailed')}
        </p>
      ) : null}
    </div>
  );
}

interface CityOption {
  slug: string;
  name: string;
}

/** Organizers may act for any city: their own first, then all others by name. */
function OrganizerCitySwitch({ me }: { me: SessionUser }) {
  const all = useAllCities();
  const own = me.memberships.map((membership) => membership.city);
  if (all.status !== 'done') return <ActingCitySwitch me={me} options={own} />;
  const seen = new Set(own.map((city) => city.slug));
  const others = all.cities
    .filter((city) => !seen.has(city.slug))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return <ActingCitySwitch me={me} options={[...own, ...others]} />;
}

/**
 * A select with its own submit button: changing the select alone does nothing
 * (WCAG 3.2.2), so keyboard users can browse the options without switching.
 */
function ActingCitySwitch({ me, options }: { me: SessionUser; options: CityOption[] }) {
  const { t } = useTranslation();
  const id = useId();
  const { refresh } = useSession();
  const [choice, setChoice] = useState(me.actingCity?.slug ?? '');
  const [status, setStatus] = useState('');
  const navigate = useNavigate();
  const [{ fetching }, switchCity] = useMutation(SwitchActingCityDocument);
  const selected = options.some((option) => option.slug === choice)
    ? choice
    : (me.actingCity?.slug ?? '');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!selected || selected === me.actingCity?.slug) return;
    setStatus('');
    const result = await switchCity({ citySlug: selected });
    if (result.error || !result.data) {
      setStatus(t('account.menu.switchFailed'));
      return;
    }
    const person = await refresh();
    const city = result.data.switchActingCity.actingCity;
    setStatus(t('account.menu.switched', { city: city?.name }));
    // A member goes on in the workspace of the city they now act for (organizers stay put).
    if (city && person?.memberships.some((membership) => membership.city.slug === city.slug)) {
      navigate(workspacePath(city.slug));
    }
  };

  return (
    <form className="account__switch" onSubmit={(event) => void onSubmit(event)}>
      <label htmlFor={id}>{t('account.menu.switchLabel')}</label>
      <select
        id={id}
        value={selected}
        onChange={(event) => setChoice(event.target.value)}
        data-testid="acting-city-select"
      >
        {me.actingCity ? null : <option value="">{t('account.menu.noCity')}</option>}
        {options.map((city) => (
          <option key={city.slug} value={city.slug}>
            {city.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small" disabled={fetching}>
        {t('account.menu.switch')}
      </button>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </form>
  );
}
