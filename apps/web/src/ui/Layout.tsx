import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export const MAIN_ID = 'main';

/** How long to wait for a page's h1 when its data is still loading. */
const HEADING_WAIT_MS = 10_000;

/**
 * Moves focus to the new page's h1 (so screen readers announce it by name), or to
 * main while the page is still loading and the h1 follows once it appears, unless
 * the visitor has moved focus elsewhere in the meantime.
 */
function focusPage(main: HTMLElement): () => void {
  const focusHeading = (): boolean => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return false;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    return true;
  };
  window.scrollTo({ top: 0 });
  if (focusHeading()) return () => undefined;

  main.focus({ preventScroll: true });
  const observer = new MutationObserver(() => {
    if (document.activeElement !== main) return stop();
    if (focusHeading()) stop();
  });
  const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
  function stop(): void {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

interface LayoutProps {
  /** The header's account part (sign-in link or the signed-in person), given by the app. */
  account?: ReactNode;
  /** The header's search field, given by the app. */
  search?: ReactNode;
}

export function Layout({ account, search }: LayoutProps) {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);

  useEffect(() => {
    // On the first load the browser starts at the top of the document, as it should;
    // only client-side navigations need focus moved, or it stays on the clicked link.
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    return mainRef.current ? focusPage(mainRef.current) : undefined;
  }, [pathname]);

  // Phones: navigation, search and account sit behind a menu button (disclosure pattern),
  // so the header leaves the screen to the page. Wider screens show them always (CSS).
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    // A link in the menu was followed: the new page shows with the menu closed.
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  // Escape closes the open menu from wherever focus is, and focus returns to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

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
      <header className="site-header" data-testid="site-header">
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
          <LanguageSwitch />
          <button
            ref={menuButton}
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            data-testid="menu-button"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-button__icon" aria-hidden="true" />
            {t('app.menu')}
          </button>
          <div
            id="site-menu"
            className={menuOpen ? 'site-menu site-menu--open' : 'site-menu'}
            data-testid="site-menu"
          >
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
                <li>
                  <NavLink to="/konferenzen">{t('nav.conferences')}</NavLink>
                </li>
                <li>
                  <NavLink to="/suche">{t('nav.search')}</NavLink>
                </li>
                <li>
                  <NavLink to="/netzwerk/zahlen">{t('nav.figures')}</NavLink>
                </li>
              </ul>
            </nav>
            {/* The search page has its own, larger field; two would compete. */}
            {pathname === '/suche' ? null : search}
            {account}
          </div>
        </div>
      </header>
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('footer.about')}</p>
          <p>{t('footer.accessibility')}</p>
          <nav aria-label={t('legal.footer.label')} className="site-footer__legal">
            <ul>
              <li>
                <Link to="/impressum">{t('legal.footer.impressum')}</Link>
              </li>
              <li>
                <Link to="/datenschutz">{t('legal.footer.privacy')}</Link>
              </li>
              <li>
                <Link to="/barrierefreiheit">{t('legal.footer.accessibility')}</Link>
              </li>
              <li>
                <Link to="/kontakt">{t('legal.footer.contact')}</Link>
              </li>
              <li>
                <Link to="/leichte-sprache">{t('legal.footer.easyRead')}</Link>
              </li>
              <li>
                <Link to="/gebaerdensprache">{t('legal.footer.signLanguage')}</Link>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  );
}
