/** The only source of "now" and of the person's current zone; tests pass a fixed one. */
export interface Clock {
  now(): number;
  /** The IANA zone the person is in right now (it changes when they travel). */
  timeZone(): string;
}
