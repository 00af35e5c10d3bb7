import { browserBadge } from '@/src/adapters/browser/browser-badge';
import { browserIdentity, isGoogleChrome } from '@/src/adapters/browser/browser-identity';
import { ActiveProvider } from '@/src/adapters/calendar/active-provider';
import { offlineCalendar } from '@/src/adapters/calendar/snapshot-calendar';
import { googleAuth } from '@/src/adapters/calendar/google/google-auth';
import { GoogleCalendar } from '@/src/adapters/calendar/google/google-calendar';
import { GoogleClient } from '@/src/adapters/calendar/google/google-client';
import { googleConfig } from '@/src/adapters/calendar/google/google-config';
import { graphClient } from '@/src/adapters/calendar/outlook/graph-client';
import { OutlookAuth } from '@/src/adapters/calendar/outlook/outlook-auth';
import { OutlookCalendar } from '@/src/adapters/calendar/outlook/outlook-calendar';
import { outlookConfig } from '@/src/adapters/calendar/outlook/outlook-config';
import type { WorkerDeps } from '@/src/app/worker-deps';
import { IdbCoachingStore } from '@/src/adapters/storage/idb-coaching-store';
import { IdbFocusStore } from '@/src/adapters/storage/idb-focus-store';
import { dnrBlocker } from '@/src/adapters/browser/dnr-blocker';
import { downloadsBackup } from '@/src/adapters/browser/downloads-backup';
import { IdbDataStore } from '@/src/adapters/storage/idb-data-store';
import { browser } from 'wxt/browser';
import { appDb } from './app-db';
import { baseDeps } from './base-deps';

let deps: Promise<WorkerDeps> | undefined;

/** The worker's adapters: it alone sends calendar writes, polls, and holds the sign-ins. */
export function workerDeps(): Promise<WorkerDeps> {
  deps ??= baseDeps().then(({ local, ...base }): WorkerDeps => {
    const habits = () => base.repo.habits();
    const gConfig = googleConfig(import.meta.env);
    const gAuth = googleAuth({ config: gConfig, identity: browserIdentity, store: base.store, clock: base.clock }, isGoogleChrome());
    const skipWords = async () => (await base.repo.settings()).skipWords;
    const google = new GoogleCalendar({
      client: new GoogleClient({ apiBase: gConfig.apiBase, tokens: gAuth }),
      store: base.store,
      habits,
      clock: base.clock,
      skipWords,
    });
    const oConfig = outlookConfig(import.meta.env);
    const oAuth = new OutlookAuth({ config: oConfig, identity: browserIdentity, store: base.store, clock: base.clock });
    const outlook = new OutlookCalendar({
      client: graphClient({ origin: oConfig.graphOrigin, tokens: oAuth }),
      origin: oConfig.graphOrigin,
      store: base.store,
      habits,
      clock: base.clock,
      skipWords,
    });
    return {
      ...base,
      badge: browserBadge,
      coach: new IdbCoachingStore(appDb),
      focus: new IdbFocusStore(appDb),
      data: new IdbDataStore(appDb),
      backupSaver: downloadsBackup,
      // Without the request-rules API (an older browser) focus blocks still run; they hold no site back.
      ...(browser.declarativeNetRequest ? { blocker: dnrBlocker } : {}),
      remotes: { google: { calendar: google, auth: gAuth }, outlook: { calendar: outlook, auth: oAuth } },
      provider: new ActiveProvider(async () => (await base.repo.settings()).calendar, { local, google, outlook }),
      offlineProvider: offlineCalendar(async () => (await base.repo.settings()).calendar, base.store, base.clock, local),
    };
  });
  return deps;
}
