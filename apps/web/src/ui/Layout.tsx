import { useEffect, useRef, type MouseEvent } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export const MAIN_ID = 'main';

function focusMain(main: HTMLElement | null): void {
  if (!main) return;
  // Prefer the page's h1 so screen readers announce the new page by its name.
  const heading = main.querySelector<HTMLElement>('h1');
  const target = heading ?? main;
  if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  window.scrollTo({ top: 0 });
}

export function Layout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    // On the first load the browser starts at the top of the document, as it should;
    // only client-side navigations need focus moved, or it stays on the clicked link.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusMain(mainRef.current);
  }, [pathname]);

  const onSkip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };

  return (
    <div className="app">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={onSkip}>
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              W
            </span>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__network">{t('app.network')}</span>
            </span>
          </Link>
          <nav className="site-nav" aria-label={t('app.mainNavigation')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.network')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/themen">{t('nav.topics')}</NavLink>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('footer.about')}</p>
          <p>{t('footer.accessibility')}</p>
        </div>
      </footer>
    </div>
  );
}
