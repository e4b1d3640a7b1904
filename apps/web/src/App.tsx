import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { AccountMenu } from './features/account/AccountMenu';
import { SessionProvider } from './features/account/session';
import { NetworkPage } from './features/network/NetworkPage';
import { HeaderSearch } from './features/search/HeaderSearch';
import { Layout } from './ui/Layout';
import { NotFoundPage } from './ui/NotFoundPage';
import { PRELOADS, usePreloadOnIntent } from './preload';
import { Loading } from './ui/StatusMessages';

/**
 * A page loaded with its route: the start page, layout and not-found page come with the
 * first script; every other page (and what only it needs, e.g. the Markdown renderer of
 * the editors, the word diff of the history) is its own chunk, fetched on first visit.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

// The paths are those of libs/domain/src/web-routes.ts (routes.spec.ts compares them); the
// server answers 404 for any other address. Any other first segment is a city.
const routes: RouteObject[] = [
  {
    element: <Layout account={<AccountMenu />} search={<HeaderSearch />} />,
    // Shown while the first page's chunk loads (only when the address is not the start page).
    HydrateFallback: Loading,
    children: [
      { index: true, element: <NetworkPage /> },
      {
        path: 'impressum',
        lazy: page(
          () => import('./features/legal/ImpressumPage'),
          (m) => m.ImpressumPage,
        ),
      },
      {
        path: 'datenschutz',
        lazy: page(
          () => import('./features/legal/PrivacyPage'),
          (m) => m.PrivacyPage,
        ),
      },
      {
        path: 'barrierefreiheit',
        lazy: page(
          () => import('./features/legal/AccessibilityStatementPage'),
          (m) => m.AccessibilityStatementPage,
        ),
      },
      {
        path: 'kontakt',
        lazy: page(
          () => import('./features/legal/ContactPage'),
          (m) => m.ContactPage,
        ),
      },
      {
        path: 'leichte-sprache',
        lazy: page(
          () => import('./features/legal/EasyReadPage'),
          (m) => m.EasyReadPage,
        ),
      },
      {
        path: 'gebaerdensprache',
        lazy: page(
          () => import('./features/legal/SignLanguagePage'),
          (m) => m.SignLanguagePage,
        ),
      },
      {
        path: 'themen',
        handle: { preload: PRELOADS.topics },
        lazy: page(
          () => import('./features/topics/TopicsPage'),
          (m) => m.TopicsPage,
        ),
      },
      { path: 'topics', element: <Navigate to="/themen" replace /> },
      {
        path: 'anmelden',
        lazy: page(
          () => import('./features/account/LoginPage'),
          (m) => m.LoginPage,
        ),
      },
      { path: 'login', element: <Navigate to="/anmelden" replace /> },
      {
        path: 'passwort-vergessen',
        lazy: page(
          () => import('./features/account/ForgotPasswordPage'),
          (m) => m.ForgotPasswordPage,
        ),
      },
      {
        path: 'passwort-zuruecksetzen/:token',
        lazy: page(
          () => import('./features/account/ResetPasswordPage'),
          (m) => m.ResetPasswordPage,
        ),
      },
      {
        path: 'einladung/:token',
        lazy: page(
          () => import('./features/members/InvitationPage'),
          (m) => m.InvitationPage,
        ),
      },
      {
        path: 'konto',
        lazy: page(
          () => import('./features/account/AccountPage'),
          (m) => m.AccountPage,
        ),
      },
      {
        path: 'konto/folge-ich',
        lazy: page(
          () => import('./features/follows/FollowingPage'),
          (m) => m.FollowingPage,
        ),
      },
      {
        path: 'abbestellen/:token',
        lazy: page(
          () => import('./features/notifications/UnsubscribePage'),
          (m) => m.UnsubscribePage,
        ),
      },
      {
        path: 'netzwerk/rueckmeldungen',
        lazy: page(
          () => import('./features/legal/FeedbackInboxPage'),
          (m) => m.FeedbackInboxPage,
        ),
      },
      {
        path: 'netzwerk/zahlen',
        lazy: page(
          () => import('./features/statistics/NetworkFiguresPage'),
          (m) => m.NetworkFiguresPage,
        ),
      },
      {
        path: 'netzwerk/protokoll',
        lazy: page(
          () => import('./features/audit/AuditLogPage'),
          (m) => m.AuditLogPage,
        ),
      },
      {
        path: 'benachrichtigungen',
        lazy: page(
          () => import('./features/notifications/NotificationsPage'),
          (m) => m.NotificationsPage,
        ),
      },
      {
        path: 'netzwerk/tandems',
        lazy: page(
          () => import('./features/tandems/TandemBoardPage'),
          (m) => m.TandemBoardPage,
        ),
      },
      {
        path: 'netzwerk/konferenzen/neu',
        lazy: page(
          () => import('./features/conferences/NewConferencePage'),
          (m) => m.NewConferencePage,
        ),
      },
      {
        path: 'konferenzen',
        lazy: page(
          () => import('./features/conferences/ConferencesPage'),
          (m) => m.ConferencesPage,
        ),
        handle: { preload: PRELOADS.conferences },
      },
      {
        path: 'konferenzen/:id',
        lazy: page(
          () => import('./features/conferences/ConferencePage'),
          (m) => m.ConferencePage,
        ),
        handle: { preload: PRELOADS.conference },
      },
      {
        path: 'dev/mailbox',
        lazy: page(
          () => import('./features/dev/DevMailboxPage'),
          (m) => m.DevMailboxPage,
        ),
      },
      {
        path: 'suche',
        lazy: page(
          () => import('./features/search/SearchHubPage'),
          (m) => m.SearchHubPage,
        ),
      },
      {
        path: 'praxis/neu',
        lazy: page(
          () => import('./features/practices/PracticeEditorPage'),
          (m) => m.NewPracticePage,
        ),
      },
      {
        path: 'praxis/:id',
        handle: { preload: PRELOADS.practice },
        lazy: page(
          () => import('./features/practices/PracticePage'),
          (m) => m.PracticePage,
        ),
      },
      {
        path: 'praxis/:id/bearbeiten',
        lazy: page(
          () => import('./features/practices/PracticeEditorPage'),
          (m) => m.EditPracticePage,
        ),
      },
      {
        path: 'praxis/:id/verlauf',
        lazy: page(
          () => import('./features/practices/PracticeHistoryPage'),
          (m) => m.PracticeHistoryPage,
        ),
      },
      {
        path: ':city',
        handle: { preload: PRELOADS.city },
        lazy: page(
          () => import('./features/cities/CityPage'),
          (m) => m.CityPage,
        ),
      },
      {
        path: ':city/profil/bearbeiten',
        lazy: page(
          () => import('./features/cities/CityProfileEditorPage'),
          (m) => m.CityProfileEditorPage,
        ),
      },
      {
        path: ':city/profil/verlauf',
        lazy: page(
          () => import('./features/cities/CityProfileHistoryPage'),
          (m) => m.CityProfileHistoryPage,
        ),
      },
      {
        path: ':city/mitglieder',
        lazy: page(
          () => import('./features/members/MembersPage'),
          (m) => m.MembersPage,
        ),
      },
      {
        path: ':city/arbeitsbereich',
        lazy: page(
          () => import('./features/workspace/WorkspacePage'),
          (m) => m.WorkspacePage,
        ),
      },
      {
        path: ':city/tandem',
        lazy: page(
          () => import('./features/tandems/CityTandemRedirect'),
          (m) => m.CityTandemRedirect,
        ),
      },
      {
        path: ':city/tandems/:id',
        lazy: page(
          () => import('./features/tandems/TandemPage'),
          (m) => m.TandemPage,
        ),
      },
      {
        path: ':city/initiativen/neu',
        lazy: page(
          () => import('./features/initiatives/NewInitiativePage'),
          (m) => m.NewInitiativePage,
        ),
      },
      {
        path: ':city/initiativen/:slug/verwalten',
        lazy: page(
          () => import('./features/initiatives/ManageInitiativePage'),
          (m) => m.ManageInitiativePage,
        ),
      },
      {
        path: ':city/initiativen/:slug',
        lazy: page(
          () => import('./features/initiatives/InitiativePage'),
          (m) => m.InitiativePage,
        ),
      },
      {
        path: ':city/initiativen/:slug/eingang',
        lazy: page(
          () => import('./features/initiatives/QueuePage'),
          (m) => m.QueuePage,
        ),
      },
      {
        path: ':city/initiativen/:slug/workshops/:id',
        lazy: page(
          () => import('./features/initiatives/WorkshopPage'),
          (m) => m.WorkshopPage,
        ),
      },
      {
        path: ':city/initiativen/:slug/anliegen/:token',
        lazy: page(
          () => import('./features/initiatives/FollowSuggestionPage'),
          (m) => m.FollowSuggestionPage,
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function App() {
  // Hover or focus on a link fetches the page's chunk and main data ahead (preload.ts).
  usePreloadOnIntent(routes);
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
