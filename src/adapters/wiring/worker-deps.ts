import { browserIdentity, isGoogleChrome } from '@/src/adapters/browser/browser-identity';
import { ActiveProvider } from '@/src/adapters/calendar/active-provider';
import { googleAuth } from '@/src/adapters/calendar/google/google-auth';
import { GoogleCalendar } from '@/src/adapters/calendar/google/google-calendar';
import { GoogleClient } from '@/src/adapters/calendar/google/google-client';
import { googleConfig } from '@/src/adapters/calendar/google/google-config';
import type { WorkerDeps } from '@/src/app/worker-deps';
import { baseDeps } from './base-deps';

let deps: Promise<WorkerDeps> | undefined;

/** The worker's adapters: it alone sends calendar writes, polls, and holds the sign-in. */
export function workerDeps(): Promise<WorkerDeps> {
  deps ??= baseDeps().then(({ local, ...base }) => {
    const config = googleConfig(import.meta.env);
    const auth = googleAuth({ config, identity: browserIdentity, store: base.store, clock: base.clock }, isGoogleChrome());
    const google = new GoogleCalendar({
      client: new GoogleClient({ apiBase: config.apiBase, tokens: auth }),
      store: base.store,
      habits: () => base.repo.habits(),
      clock: base.clock,
    });
    return {
      ...base,
      google,
      googleAuth: auth,
      provider: new ActiveProvider(async () => (await base.repo.settings()).calendar, { local, google }),
    };
  });
  return deps;
}
