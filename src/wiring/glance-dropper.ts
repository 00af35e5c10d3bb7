import { dropGlance } from '@/src/adapters/browser/glance-store';
import type { WritePhase } from '@/src/adapters/storage/write-watch';
import { browserOffscreenGlanceDrop } from '@/src/adapters/browser/offscreen-glance';

/** Asks for drops of the glance snapshot and tells when all of them landed. */
export interface GlanceDropper {
  /** Ask for a drop; it runs now, or once after the one running (never two at once). Never throws. */
  drop(): void;
  /** Resolves once every drop asked for so far is done (failed ones included, reported, never thrown). */
  settled(): Promise<void>;
}

/**
 * Drops that take a while (Chrome's worker opens an offscreen document for each), one at a time: a request while one
 * runs schedules exactly one more after it, since that later run also covers every change committed before it starts.
 * A failed drop is reported and never thrown, so it never fails the write that asked for it.
 */
export function serialDrops(run: () => Promise<void>, report: (error: unknown) => void): GlanceDropper {
  let idle: Promise<void> = Promise.resolve();
  let busy = false;
  let again = false;

  const loop = async () => {
    do {
      again = false;
      try {
        await run();
      } catch (error) {
        report(error);
      }
    } while (again);
    // Set in the same step that saw no request waiting, so no request falls between the loop and the next one.
    busy = false;
  };

  return {
    drop() {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      idle = loop();
    },
    settled: () => idle,
  };
}

const reportFailure = (error: unknown) => console.error('[cueboard]', 'the glance snapshot could not be dropped', error);

/** Built on the first drop in a context without localStorage; undefined where there is no offscreen API either. */
let worker: GlanceDropper | undefined | null = null;

function workerDropper(): GlanceDropper | undefined {
  if (worker === null) {
    const run = browserOffscreenGlanceDrop();
    worker = run && serialDrops(run, reportFailure);
  }
  return worker;
}

/**
 * Drop the glance snapshots from wherever this code runs: a page (or Firefox's background page) reaches the extension's
 * localStorage at once. Chrome's service worker has no localStorage, so there the drop goes through an offscreen
 * document (asked for here, landed by `glanceDropsSettled`). A context with neither (unit tests on Node) holds no
 * glance to drop.
 */
export function dropGlanceHere(phase: WritePhase = 'start'): void {
  if (typeof localStorage !== 'undefined') {
    try {
      dropGlance(localStorage);
    } catch (error) {
      // The write that asked for the drop is committed all the same.
      reportFailure(error);
    }
    return;
  }
  // The worker's drop rewrites the snapshot too, reading in transactions opened after the write's own, which IndexedDB
  // runs only once that write committed: the write's start is enough, its commit needs no second document.
  if (phase === 'start') workerDropper()?.drop();
}

/** Resolves once every drop asked for so far is done (at once where localStorage is at hand). */
export function glanceDropsSettled(): Promise<void> {
  return worker ? worker.settled() : Promise.resolve();
}
