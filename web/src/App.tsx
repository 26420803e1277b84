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
const AdjustmentDashboardPage = lazy(() => import('./pages/AdjustmentDashboardPage.tsx'));
const AdjustmentListPage = lazy(() => import('./pages/AdjustmentListPage.tsx'));
const AdjustmentDetailPage = lazy(() => import('./pages/AdjustmentDetailPage.tsx'));
const AdjustmentWizardPage = lazy(() => import('./pages/AdjustmentWizardPage.tsx'));
const TriggerListPage = lazy(() => import('./pages/TriggerListPage.tsx'));
const TriggerDetailPage = lazy(() => import('./pages/TriggerDetailPage.tsx'));
const HandoverListPage = lazy(() => import('./pages/HandoverListPage.tsx'));
const HandoverDetailPage = lazy(() => import('./pages/HandoverDetailPage.tsx'));
const ItemsListPage = lazy(() => import('./pages/ItemsListPage.tsx'));
const ItemsDetailPage = lazy(() => import('./pages/ItemsDetailPage.tsx'));
const ItemsImportPage = lazy(() => import('./pages/ItemsImportPage.tsx'));
const CatalogueListPage = lazy(() => import('./pages/CatalogueListPage.tsx'));
const CatalogueDetailPage = lazy(() => import('./pages/CatalogueDetailPage.tsx'));
const CatalogueEditPage = lazy(() => import('./pages/CatalogueEditPage.tsx'));
const ConsistencyPage = lazy(() => import('./pages/ConsistencyPage.tsx'));
const PublicationsPage = lazy(() => import('./pages/PublicationsPage.tsx'));
const ReportsPage = lazy(() => import('./pages/ReportsPage.tsx'));
const ReportsDetailPage = lazy(() => import('./pages/ReportsDetailPage.tsx'));
const FeedbackPage = lazy(() => import('./pages/FeedbackPage.tsx'));

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
        // 动态调整 (DOMAIN §3): the server scopes every list to the caller's org; the guards only spare clicks.
        { path: 'adjustments/dashboard', element: <AdjustmentDashboardPage /> },
        { path: 'adjustments', element: <AdjustmentListPage /> },
        {
          path: 'adjustments/new',
          element: (
            <RequireRole roles={['dept_editor']}>
              <AdjustmentWizardPage />
            </RequireRole>
          ),
        },
        { path: 'adjustments/:id', element: <AdjustmentDetailPage /> },
        {
          path: 'adjustments/:id/edit',
          element: (
            <RequireRole roles={['dept_editor']}>
              <AdjustmentWizardPage />
            </RequireRole>
          ),
        },
        { path: 'triggers', element: <TriggerListPage /> },
        { path: 'triggers/:id', element: <TriggerDetailPage /> },
        { path: 'handovers', element: <HandoverListPage /> },
        { path: 'handovers/:id', element: <HandoverDetailPage /> },
        // 清单 (issue 3): "items/import" is a static segment, so it wins over the item code.
        { path: 'items', element: <ItemsListPage /> },
        {
          path: 'items/import',
          element: (
            <RequireRole roles={['bureau_admin', 'dept_editor']}>
              <ItemsImportPage />
            </RequireRole>
          ),
        },
        { path: 'items/:code', element: <ItemsDetailPage /> },
        { path: 'catalogue', element: <CatalogueListPage /> },
        {
          path: 'catalogue/new',
          element: (
            <RequireRole roles={['bureau_admin', 'bureau_reviewer']}>
              <CatalogueEditPage />
            </RequireRole>
          ),
        },
        { path: 'catalogue/:id', element: <CatalogueDetailPage /> },
        {
          path: 'catalogue/:id/new-version',
          element: (
            <RequireRole roles={['bureau_admin', 'bureau_reviewer']}>
              <CatalogueEditPage />
            </RequireRole>
          ),
        },
        { path: 'consistency', element: <ConsistencyPage /> },
        // 清单公布、报备、社会监督 (issues 5–6): the server checks every role again.
        {
          path: 'publications',
          element: (
            <RequireRole roles={['bureau_admin', 'bureau_reviewer', 'auditor']}>
              <PublicationsPage />
            </RequireRole>
          ),
        },
        {
          path: 'reports',
          element: (
            <RequireRole roles={['bureau_admin', 'bureau_reviewer']}>
              <ReportsPage />
            </RequireRole>
          ),
        },
        {
          path: 'reports/:id',
          element: (
            <RequireRole roles={['bureau_admin', 'bureau_reviewer']}>
              <ReportsDetailPage />
            </RequireRole>
          ),
        },
        { path: 'feedback', element: <FeedbackPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename },
);

export function App() {
  return <RouterProvider router={router} />;
}
