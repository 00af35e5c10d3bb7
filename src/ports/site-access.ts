/**
 * The person's grant to hold one site back: its host permission, asked for only when they add the site (nothing is
 * asked at install). Pages use it; the worker reads grants through SiteBlocker.
 */
export interface SiteAccess {
  /**
   * Ask the browser for the site's permission; true when given. Call it inside the person's click, before any other
   * await: the browser shows its question only during a user gesture.
   */
  request(site: string): Promise<boolean>;
  /** Whether the site's permission is given now. */
  has(site: string): Promise<boolean>;
  /** Give the site's permission back (the site left the list). */
  drop(site: string): Promise<void>;
  /** Called when any permission is given or taken back, here or in the browser's settings; returns an unsubscribe. */
  onChange(listener: () => void): () => void;
}
