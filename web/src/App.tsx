import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { useAuth } from './useAuth.ts';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { RequireRole } from './components/RequireRole.tsx';
import { RouteError } from './components/RouteError.tsx';
import { WorkbenchLayout } from './components/WorkbenchLayout.tsx';

// Each page is its own chunk: a clerk who only opens 首页 never downloads the calendar or audit code.
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const OrgsPage = lazy(() => import('./pages/OrgsPage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const CalendarPage = lazy(() => import('./pages/CalendarPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const SealsPage = lazy(() => import('./pages/SealsPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, signedOutOnPurpose } = useAuth();
  const location = useLocation();
  if (me === undefined) return <FullPageSpin />;
  if (me === null) {
    // An expired session returns to where the user was; 退出登录 does not.
    const state = signedOutOnPurpose ? null : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}

// BASE_URL is "/admin/" (vite.config.ts base); the router wants it without the trailing slash.
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

const router = createBrowserRouter(
  [
    {
      path: '/login',
      element: (
        <Suspense fallback={<FullPageSpin />}>
          <LoginPage />
        </Suspense>
      ),
      errorElement: <RouteError />,
    },
    {
      path: '/',
      element: (
        <RequireAuth>
          <WorkbenchLayout />
        </RequireAuth>
      ),
      errorElement: <RouteError />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'orgs', element: <OrgsPage /> },
        {
          path: 'users',
          element: (
            <RequireRole roles={['bureau_admin']}>
              <UsersPage />
            </RequireRole>
          ),
        },
        { path: 'calendar', element: <CalendarPage /> },
        {
          path: 'seals',
          element: (
            <RequireRole roles={['bureau_admin']}>
              <SealsPage />
            </RequireRole>
          ),
        },
        {
          path: 'audit',
          element: (
            <RequireRole roles={['bureau_admin', 'auditor']}>
              <AuditPage />
            </RequireRole>
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename },
);

export function App() {
  return <RouterProvider router={router} />;
}
