import { describe, expect, it } from 'vitest';
import { googleEventBody } from '@/src/adapters/calendar/google/event-body';
import { outlookCreateBody } from '@/src/adapters/calendar/outlook/event-body';
import { aHabit } from '../../fakes/habits';

// The names a habit counts per person are kept only on this machine: no calendar write carries them.
describe('a habit counted per person, written to a calendar', () => {
  const habit = aHabit({ name: '1-on-1 with each direct report', people: ['Ana Quintero', 'Ben Okafor'], target: { kind: 'count', amount: 2, per: 'week' } });

  it.each([
    ['Google', () => googleEventBody(habit)],
    ['Outlook', () => outlookCreateBody(habit, 0)],
  ])('sends %s the habit and its cue, never the people’s names', (_provider, body) => {
    const sent = JSON.stringify(body());
    expect(sent).toContain('1-on-1 with each direct report');
    expect(sent).not.toMatch(/Quintero|Okafor|Ana|Ben/);
  });
});
