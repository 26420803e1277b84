import { createContext } from 'react';
import type { Me } from './api.ts';

export interface AuthState {
  /** undefined while the session is being checked, null when signed out. */
  me: Me | null | undefined;
  /** True after 退出登录: the next sign-in starts at the home page, not at the last page visited. */
  signedOutOnPurpose: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  switchOrg: (orgId: string) => Promise<Me>;
  refresh: () => Promise<void>;
  hasRole: (...roles: string[]) => boolean;
}

export const AuthContext = createContext<AuthState | null>(null);
