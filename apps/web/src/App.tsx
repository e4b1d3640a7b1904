import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { CityPage } from './features/cities/CityPage';
import { NetworkPage } from './features/network/NetworkPage';
import { TopicsPage } from './features/topics/TopicsPage';
import { Layout } from './ui/Layout';
import { NotFoundPage } from './ui/NotFoundPage';

// Network-wide routes are fixed words (see RESERVED_SLUGS); any other single segment is a city.
const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <NetworkPage /> },
      { path: 'themen', element: <TopicsPage /> },
      { path: 'topics', element: <Navigate to="/themen" replace /> },
      { path: ':city', element: <CityPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
