/** Microsoft's own hosts: the only ones a production build can talk to. */
export const MICROSOFT_HOSTS = {
  graphOrigin: 'https://graph.microsoft.com',
  authBase: 'https://login.microsoftonline.com/common',
} as const;

/** Refresh tokens need offline_access; cue events need Calendars.ReadWrite. No openid: see toolchain.md. */
export const OUTLOOK_SCOPES = 'offline_access Calendars.ReadWrite';

export interface OutlookConfig {
  /** Origin of Microsoft Graph; the client adds the version (v1.0). */
  graphOrigin: string;
  /** Tenant base of the identity platform, e.g. https://login.microsoftonline.com/common */
  authBase: string;
  scope: string;
  /** App registration of type "Single-page application". */
  clientId?: string;
  /** True only for development and test builds aimed at plain-http fakes. */
  allowInsecure: boolean;
}

export interface OutlookEnv {
  MODE: string;
  WXT_GRAPH_API_BASE?: string;
  WXT_MS_AUTH_BASE?: string;
  WXT_MS_CLIENT_ID?: string;
}

/**
 * Where Microsoft calls go. Development and test builds may point at local fakes (WXT_GRAPH_API_BASE,
 * WXT_MS_AUTH_BASE); a production build ignores both and only ever uses Microsoft's hosts, over https.
 */
export function outlookConfig(env: OutlookEnv): OutlookConfig {
  const overridable = env.MODE !== 'production';
  const graphOrigin = (overridable && env.WXT_GRAPH_API_BASE) || MICROSOFT_HOSTS.graphOrigin;
  const authBase = (overridable && env.WXT_MS_AUTH_BASE) || MICROSOFT_HOSTS.authBase;
  return {
    graphOrigin: graphOrigin.replace(/\/$/, ''),
    authBase: authBase.replace(/\/$/, ''),
    scope: OUTLOOK_SCOPES,
    ...(env.WXT_MS_CLIENT_ID ? { clientId: env.WXT_MS_CLIENT_ID } : {}),
    allowInsecure: overridable && (graphOrigin.startsWith('http:') || authBase.startsWith('http:')),
  };
}
