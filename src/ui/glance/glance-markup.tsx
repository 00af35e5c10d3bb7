import type { DashboardView } from '@/src/app/load-dashboard';
import { NewTabApp } from '../newtab/newtab-app';
import { PopupApp } from '../popup/popup-app';
import { markupOf } from './markup';

// Never called: the markup is of a first render, whose effects (and so any load or click) never run.
const inert = () => Promise.resolve(undefined);

/**
 * The markup of each glance page's first render of `view` in `timeZone`: what its next open paints first. Either page
 * writes both after a change, so the other page opens on it too.
 */
export function glanceMarkup(view: DashboardView, timeZone: string): { popup: string; newtab: string } {
  const load = () => Promise.resolve(view);
  return {
    popup: markupOf(<PopupApp initial={view} timeZone={timeZone} load={load} checkOff={inert} undo={inert} answerMissed={inert} openOptions={inert} />),
    newtab: markupOf(<NewTabApp initial={view} timeZone={timeZone} load={load} checkOff={inert} undo={inert} start={inert} openOptions={inert} />),
  };
}
