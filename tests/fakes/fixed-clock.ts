import type { Clock } from '@/src/ports/clock';

/** A clock that says what the test tells it, in the zone the test picks. */
export class FixedClock implements Clock {
  constructor(
    private at: number,
    private zone = 'America/New_York',
  ) {}

  static at(iso: string, zone?: string): FixedClock {
    return new FixedClock(Temporal.Instant.from(iso).epochMilliseconds, zone);
  }

  now(): number {
    return this.at;
  }

  timeZone(): string {
    return this.zone;
  }

  set(iso: string): void {
    this.at = Temporal.Instant.from(iso).epochMilliseconds;
  }

  advance(ms: number): void {
    this.at += ms;
  }

  travelTo(zone: string): void {
    this.zone = zone;
  }
}
