import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, authApi, setUnauthorizedHandler, type Me } from '../api.ts';
import { AuthContext, type AuthState } from '../authContext.ts';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [signedOutOnPurpose, setSignedOutOnPurpose] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setMe(await authApi.me());
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else throw e;
    }
  }, []);

  useEffect(() => {
    // An expired session anywhere sends the user back to the login page.
    setUnauthorizedHandler(() => setMe(null));
    refresh().catch(() => setMe(null));
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const signedIn = await authApi.login(username, password);
    setSignedOutOnPurpose(false);
    setMe(signedIn);
    return signedIn;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setSignedOutOnPurpose(true);
      setMe(null);
    }
  }, []);

  const switchOrg = useCallback(async (orgId: string) => {
    const switched = await authApi.switchOrg(orgId);
    setMe(switched);
    return switched;
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      me,
      signedOutOnPurpose,
      login,
      logout,
      switchOrg,
      refresh,
      hasRole: (...roles: string[]) => !!me && roles.some((r) => me.roles.includes(r)),
    }),
    [me, signedOutOnPurpose, login, logout, switchOrg, refresh],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
