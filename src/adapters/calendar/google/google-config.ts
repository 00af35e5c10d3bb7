/** Google's own hosts: the only ones a production build can talk to. */
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
 * Where Google calls go. Development and test builds may point at local fakes (WXT_GOOGLE_API_BASE,
 * WXT_GOOGLE_AUTH_URL); a production build ignores both and only ever uses Google's hosts.
 */
export function googleConfig(env: GoogleEnv): GoogleConfig {
  const overridable = env.MODE !== 'production';
  const authUrl = (overridable && env.WXT_GOOGLE_AUTH_URL) || GOOGLE_HOSTS.authUrl;
  return {
    apiBase: (overridable && env.WXT_GOOGLE_API_BASE) || GOOGLE_HOSTS.apiBase,
    authUrl,
    revokeUrl: authUrl === GOOGLE_HOSTS.authUrl ? GOOGLE_HOSTS.revokeUrl : new URL('/revoke', authUrl).toString(),
    scope: GOOGLE_SCOPE,
    ...(env.WXT_GOOGLE_CLIENT_ID ? { clientId: env.WXT_GOOGLE_CLIENT_ID } : {}),
    ...(env.WXT_GOOGLE_CHROME_CLIENT_ID ? { chromeClientId: env.WXT_GOOGLE_CHROME_CLIENT_ID } : {}),
  };
}
