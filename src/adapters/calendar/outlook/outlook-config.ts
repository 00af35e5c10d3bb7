import { usableEndpoint } from '../official-hosts';

/** Microsoft's own endpoints: the defaults, and the only ones a build other than a test build can talk to. */
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
  /** True only for a test build aimed at plain-http fakes. */
  allowInsecure: boolean;
}

export interface OutlookEnv {
  MODE: string;
  WXT_GRAPH_API_BASE?: string;
  WXT_MS_AUTH_BASE?: string;
  WXT_MS_CLIENT_ID?: string;
}

/**
 * Where Microsoft calls go. A test build may point at local fakes (WXT_GRAPH_API_BASE, WXT_MS_AUTH_BASE); any other
 * build honours them only on Microsoft's own hosts over https (a single tenant's base, say; see official-hosts.ts),
 * and otherwise uses MICROSOFT_HOSTS.
 */
export function outlookConfig(env: OutlookEnv): OutlookConfig {
  const graphOrigin = usableEndpoint(env.WXT_GRAPH_API_BASE, env.MODE) ?? MICROSOFT_HOSTS.graphOrigin;
  const authBase = usableEndpoint(env.WXT_MS_AUTH_BASE, env.MODE) ?? MICROSOFT_HOSTS.authBase;
  return {
    graphOrigin: graphOrigin.replace(/\/$/, ''),
    authBase: authBase.replace(/\/$/, ''),
    scope: OUTLOOK_SCOPES,
    ...(env.WXT_MS_CLIENT_ID ? { clientId: env.WXT_MS_CLIENT_ID } : {}),
    // Only a test build's fake can be plain http: an official endpoint is https by definition.
    allowInsecure: graphOrigin.startsWith('http:') || authBase.startsWith('http:'),
  };
}
