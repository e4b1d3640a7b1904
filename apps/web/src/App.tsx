import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AccountMenu } from './features/account/AccountMenu';
import { AccountPage } from './features/account/AccountPage';
import { ForgotPasswordPage } from './features/account/ForgotPasswordPage';
import { LoginPage } from './features/account/LoginPage';
import { ResetPasswordPage } from './features/account/ResetPasswordPage';
import { SessionProvider } from './features/account/session';
import { AuditLogPage } from './features/audit/AuditLogPage';
import { CityPage } from './features/cities/CityPage';
import { ConferencePage } from './features/conferences/ConferencePage';
import { ConferencesPage } from './features/conferences/ConferencesPage';
import { NewConferencePage } from './features/conferences/NewConferencePage';
import { DevMailboxPage } from './features/dev/DevMailboxPage';
import { InvitationPage } from './features/members/InvitationPage';
import { MembersPage } from './features/members/MembersPage';
import { NetworkPage } from './features/network/NetworkPage';
import { PracticeHistoryPage } from './features/practices/PracticeHistoryPage';
import { EditPracticePage, NewPracticePage } from './features/practices/PracticeEditorPage';
import { PracticePage } from './features/practices/PracticePage';
import { SearchPage } from './features/practices/SearchPage';
import { CityTandemRedirect } from './features/tandems/CityTandemRedirect';
import { TandemBoardPage } from './features/tandems/TandemBoardPage';
import { TandemPage } from './features/tandems/TandemPage';
import { TopicsPage } from './features/topics/TopicsPage';
import { Layout } from './ui/Layout';
import { NotFoundPage } from './ui/NotFoundPage';
import { NotificationsPage } from './features/notifications/NotificationsPage';

// Network-wide routes are fixed words (see RESERVED_SLUGS); any other single segment is a city.
const router = createBrowserRouter([
  {
    element: <Layout account={<AccountMenu />} />,
    children: [
      { index: true, element: <NetworkPage /> },
      { path: 'themen', element: <TopicsPage /> },
      { path: 'topics', element: <Navigate to="/themen" replace /> },
      { path: 'anmelden', element: <LoginPage /> },
      { path: 'login', element: <Navigate to="/anmelden" replace /> },
      { path: 'passwort-vergessen', element: <ForgotPasswordPage /> },
      { path: 'passwort-zuruecksetzen/:token', element: <ResetPasswordPage /> },
      { path: 'einladung/:token', element: <InvitationPage /> },
      { path: 'konto', element: <AccountPage /> },
      { path: 'netzwerk/protokoll', element: <AuditLogPage /> },
      { path: 'benachrichtigungen', element: <NotificationsPage /> },
      { path: 'netzwerk/tandems', element: <TandemBoardPage /> },
      { path: 'netzwerk/konferenzen/neu', element: <NewConferencePage /> },
      { path: 'konferenzen', element: <ConferencesPage /> },
      { path: 'konferenzen/:id', element: <ConferencePage /> },
      { path: 'dev/mailbox', element: <DevMailboxPage /> },
      { path: 'suche', element: <SearchPage /> },
      { path: 'praxis/neu', element: <NewPracticePage /> },
      { path: 'praxis/:id', element: <PracticePage /> },
      { path: 'praxis/:id/bearbeiten', element: <EditPracticePage /> },
      { path: 'praxis/:id/verlauf', element: <PracticeHistoryPage /> },
      { path: ':city', element: <CityPage /> },
      { path: ':city/mitglieder', element: <MembersPage /> },
      { path: ':city/tandem', element: <CityTandemRedirect /> },
      { path: ':city/tandems/:id', element: <TandemPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
