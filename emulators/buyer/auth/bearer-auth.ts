import type { AuthProvider } from '../http-types';

/**
 * A fixed bearer token (RFC 6750). Nothing to renew, so no `onUnauthorized`: a 401 is the Seller's answer
 * and is reported as such. Register the token with the client's and reporters' secrets.
 */
export function bearerAuth(token: string): AuthProvider {
  const headers = { authorization: `Bearer ${token}` };
  return { headers: () => Promise.resolve({ ...headers }) };
}
