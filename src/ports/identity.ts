/**
 * How a web sign-in flow runs. A silent (non-interactive) renewal against a real sign-in page needs two Chrome
 * options (Chrome 113+): `abortOnLoadForNonInteractive: false` lets a page that loads and then redirects by script
 * (as Microsoft's and Google's `prompt=none` pages may) finish, and `timeoutMsForNonInteractive` bounds the wait.
 */
export interface WebAuthFlowOptions {
  interactive: boolean;
  abortOnLoadForNonInteractive?: boolean;
  timeoutMsForNonInteractive?: number;
}

/** What every silent renewal asks for: wait for a scripted redirect, but never more than 10 s. */
export const SILENT_FLOW: WebAuthFlowOptions = { interactive: false, abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: 10_000 };

/** The browser's OAuth helpers. WXT's fake browser has none, so auth goes through this port. */
export interface Identity {
  /** The redirect URL the browser intercepts, e.g. https://<id>.chromiumapp.org/ */
  redirectUrl(): string;
  /** Open the authorization page and resolve with the URL it redirected to. */
  launchWebAuthFlow(url: string, options: WebAuthFlowOptions): Promise<string>;
  /** Chrome only: a Google token for the signed-in profile, when the build has a Chrome OAuth client. */
  getAuthToken?(interactive: boolean, scopes: string[]): Promise<string | undefined>;
  removeCachedAuthToken?(token: string): Promise<void>;
}
