import type { TodayItem } from '@/src/core/today';

// Loaded only when a habit counted per person is on the dashboard, so the glance pages' first paint never carries it.

export interface PeoplePickProps {
  item: TodayItem;
  busy: boolean;
  onDone: (habitId: string, person: string) => void;
}

/**
 * Below a per-person habit's progress: who has not had one yet this period; and "Who was it with?", the popover the
 * row's Done button opens: the people not yet seen first (the first one focused), then the others (a second one
 * counts once), and Cancel. The browser's popover gives Escape, a click outside and the focus's way back to Done.
 */
export function PeoplePick({ item, busy, onDone }: PeoplePickProps) {
  const { people = [], notYet = [], per } = item.progress;
  const others = people.filter((p) => !notYet.includes(p));
  const when = per === 'day' ? 'today' : 'this week';
  const id = `who-${item.habitId}`;
  const choice = (person: string, i: number) => (
    <li key={person}>
      <button
        type="button"
        disabled={busy}
        autofocus={i === 0}
        onClick={() => {
          document.getElementById(id)?.hidePopover();
          onDone(item.habitId, person);
        }}
      >
        {person}
      </button>
    </li>
  );
  return (
    <>
      <p class="habit-meta not-yet" data-testid="not-yet">
        {notYet.length > 0 ? `Not yet: ${notYet.join(', ')}` : `Everyone’s had one ${when}.`}
      </p>
      <div id={id} popover="auto" class="people-pick" role="dialog" aria-label={`${item.name}: who was it with?`}>
        <p class="habit-meta">{item.name}</p>
        <p class="people-question">Who was it with?</p>
        {notYet.length > 0 && <ul class="people-choices">{notYet.map(choice)}</ul>}
        {others.length > 0 && (
          <>
            <p class="habit-meta">Already had one {when}:</p>
            <ul class="people-choices">{others.map((p, i) => choice(p, notYet.length + i))}</ul>
          </>
        )}
        <button type="button" class="quiet" popovertarget={id} popovertargetaction="hide">
          Cancel
        </button>
      </div>
    </>
  );
}
