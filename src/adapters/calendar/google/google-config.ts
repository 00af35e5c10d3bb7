import { isOfficialUrl, usableEndpoint } from '../official-hosts';

/** Google's own endpoints: the defaults, and the only ones a build other than a test build can talk to. */
export const GOOGLE_HOSTS = {
  apiBase: 'https://www.googleapis.com/calendar/v3',
  authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  revokeUrl: 'https://oauth2.googleapis.com/revoke',
} as const;

/** The narrowest scope that can write events to the person's own primary calendar and read them back. */
export const GOOGLE_SCOPE = 'https://www.googleapis.com/auth/calendar.events.owned';

export interface GoogleConfig {
  apiBase: string;
  authUrl: string;
  revokeUrl: string;
  scope: string;
  /** OAuth client of type "Web application", for identity.launchWebAuthFlow (Edge, Firefox, Chrome without the next). */
  clientId?: string;
  /** OAuth client of type "Chrome Extension", for chrome.identity.getAuthToken in Google Chrome. */
  chromeClientId?: string;
}

/** Build-time settings, as Vite exposes them on import.meta.env. */
export interface GoogleEnv {
  MODE: string;
  WXT_GOOGLE_API_BASE?: string;
  WXT_GOOGLE_AUTH_URL?: string;
  WXT_GOOGLE_CLIENT_ID?: string;
  WXT_GOOGLE_CHROME_CLIENT_ID?: string;
}

/**
 * Where Google calls go. A test build may point at local fakes (WXT_GOOGLE_API_BASE, WXT_GOOGLE_AUTH_URL); any other
 * build honours them only on Google's own hosts (see official-hosts.ts), and otherwise uses GOOGLE_HOSTS.
 */
export function googleConfig(env: GoogleEnv): GoogleConfig {
  const authUrl = usableEndpoint(env.WXT_GOOGLE_AUTH_URL, env.MODE) ?? GOOGLE_HOSTS.authUrl;
  return {
    apiBase: usableEndpoint(env.WXT_GOOGLE_API_BASE, env.MODE) ?? GOOGLE_HOSTS.apiBase,
    authUrl,
    revokeUrl: isOfficialUrl(authUrl) ? GOOGLE_HOSTS.revokeUrl : new URL('/revoke', authUrl).toString(),
    scope: GOOGLE_SCOPE,
    ...(env.WXT_GOOGLE_CLIENT_ID ? { clientId: env.WXT_GOOGLE_CLIENT_ID } : {}),
    ...(env.WXT_GOOGLE_CHROME_CLIENT_ID ? { chromeClientId: env.WXT_GOOGLE_CHROME_CLIENT_ID } : {}),
  };
}
