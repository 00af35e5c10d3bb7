/**
 * The hosts Google Calendar and Microsoft Graph really live on. A calendar endpoint set at build time
 * (WXT_GOOGLE_API_BASE, WXT_GOOGLE_AUTH_URL, WXT_GRAPH_API_BASE, WXT_MS_AUTH_BASE) is honoured when it is https on one
 * of these hosts; any other (a local fake) only in a build that is explicitly a test build (`wxt build --mode test`).
 * Production, staging, development or any other mode falls back to the official host, whatever the mode is called.
 */
const OFFICIAL_HOSTS: readonly RegExp[] = [
  /^(?:[a-z0-9-]+\.)*googleapis\.com$/,
  /^accounts\.google\.com$/,
  /^graph\.microsoft\.com$/,
  /^login\.microsoftonline\.com$/,
];

/** The one build mode that may aim the calendars at hosts of its own. */
export const TEST_MODE = 'test';

/** The build-time settings that name a calendar endpoint. */
export const ENDPOINT_SETTINGS = ['WXT_GOOGLE_API_BASE', 'WXT_GOOGLE_AUTH_URL', 'WXT_GRAPH_API_BASE', 'WXT_MS_AUTH_BASE'] as const;

/** True for an https URL, on the default port and with no credentials, on Google's or Microsoft's own hosts. */
export function isOfficialUrl(url: string | undefined): boolean {
  if (!url || !URL.canParse(url)) return false;
  const { protocol, hostname, port, username, password } = new URL(url);
  return protocol === 'https:' && port === '' && username === '' && password === '' && OFFICIAL_HOSTS.some((host) => host.test(hostname));
}

/** A configured endpoint if this build may use it: an official one always, any other only in a test build. */
export function usableEndpoint(configured: string | undefined, mode: string): string | undefined {
  if (!configured) return undefined;
  return mode === TEST_MODE || isOfficialUrl(configured) ? configured : undefined;
}

/**
 * What the build blanks (Vite `define`s to undefined), so a bundle that may not use a setting never even contains
 * it: in a test build nothing, otherwise every endpoint setting that is not an official URL.
 */
export function blankedEndpointSettings(mode: string, env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  if (mode === TEST_MODE) return {};
  return Object.fromEntries(ENDPOINT_SETTINGS.filter((key) => !isOfficialUrl(env[key])).map((key) => [`import.meta.env.${key}`, 'undefined']));
}
