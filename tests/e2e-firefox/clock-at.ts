import { existsSync, readdirSync } from 'node:fs';
import { outerOffsetMs } from '../e2e/clock-at';

/**
 * Environment that starts Firefox with its wall clock at `instant`, time flowing from there.
 *
 * Not libfaketime (the Chromium harness's way): Firefox deadlocks before its first line of output under Debian's
 * libfaketime 0.9.10. Its allocator (mozjemalloc) reads the steady clock while it holds its own lock; libfaketime's
 * first clock call looks up symbols that glibc 2.36 lacks (`__ftime`, `timer_settime@GLIBC_2.2`), and the failed
 * lookup allocates: the process waits on itself forever. Debian's datefudge shifts only the wall clock (`time`,
 * `gettimeofday`, `clock_gettime(CLOCK_REALTIME)`) and never looks anything up, so Firefox starts; every Firefox
 * process inherits the same offset. Monotonic clocks stay real, which Firefox (unlike Chromium) does not mind.
 */
export function firefoxClockAt(instant: string, env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const target = Date.parse(instant);
  if (Number.isNaN(target)) throw new Error(`Cannot read the instant "${instant}"; write it as ISO 8601 with an offset.`);
  const lib = datefudge();
  if (!lib) throw new Error('The Firefox end-to-end tests pin the browser clock with datefudge: apt-get install datefudge.');
  // Under an outer faked clock (../shared/bin/at) Date.now() is already shifted; datefudge offsets the real clock.
  const real = Date.now() - outerOffsetMs(env.FAKETIME);
  // datefudge subtracts DATEFUDGE seconds from the real clock. Rounded so the browser starts at or just after `instant`.
  const seconds = Math.ceil((target - real) / 1000);
  // An outer libfaketime would hang Firefox: it is taken out of the browser's environment (and its FAKETIME with it).
  const others = (env.LD_PRELOAD ?? '').split(':').filter((p) => p && !p.includes('libfaketime') && !p.includes('datefudge'));
  return { LD_PRELOAD: [lib, ...others].join(':'), DATEFUDGE: String(-seconds), FAKETIME: undefined };
}

/** Debian puts the library under /usr/lib/<multiarch triplet>/datefudge/. */
function datefudge(): string | undefined {
  return readdirSync('/usr/lib')
    .map((dir) => `/usr/lib/${dir}/datefudge/datefudge.so`)
    .find((path) => existsSync(path));
}
