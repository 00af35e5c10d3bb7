/** Where a calendar client gets access tokens. `fresh` asks for a new one (after a 401). */
export interface TokenSource {
  token(fresh?: boolean): Promise<string>;
}
