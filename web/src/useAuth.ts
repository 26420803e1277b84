import { useContext } from 'react';
import { AuthContext, type AuthState } from './authContext.ts';

/** The signed-in staff user and the session actions; only inside <AuthProvider>. */
export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
