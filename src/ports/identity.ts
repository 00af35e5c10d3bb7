/** The browser's OAuth helpers. WXT's fake browser has none, so auth goes through this port. */
export interface Identity {
  /** The redirect URL the browser intercepts, e.g. https://<id>.chromiumapp.org/ */
  redirectUrl(): string;
  /** Open the authorization page and resolve with the URL it redirected to. */
  launchWebAuthFlow(url: string, interactive: boolean): Promise<string>;
  /** Chrome only: a Google token for the signed-in profile, when the build has a Chrome OAuth client. */
  getAuthToken?(interactive: boolean, scopes: string[]): Promise<string | undefined>;
  removeCachedAuthToken?(token: string): Promise<void>;
}
