import { existsSync, readdirSync } from 'node:fs';

/**
 * Environment that starts a browser with its wall clock at `instant`, time flowing from there. Chromium and all its
 * processes run under libfaketime (Debian's `faketime` package) with one offset from the real clock, so they agree
 * with each other. The extension itself has no clock seam: the production build is exactly what runs here.
 */
export function clockAt(instant: string): Record<string, string> {
  const target = Date.parse(instant);
  if (Number.isNaN(target)) throw new Error(`Cannot read the instant "${instant}"; write it as ISO 8601 with an offset.`);
  const lib = libfaketime();
  if (!lib) throw new Error('End-to-end tests run the browser at pinned instants with libfaketime: apt-get install faketime.');
  // Under an outer faked clock (../shared/bin/at) Date.now() is already shifted; libfaketime offsets the real clock.
  const real = Date.now() - outerOffsetMs(process.env.FAKETIME);
  const seconds = Math.ceil((target - real) / 1000);
  const preload = [lib, ...(process.env.LD_PRELOAD ?? '').split(':').filter((p) => p && !p.includes('libfaketime'))].join(':');
  return { LD_PRELOAD: preload, FAKETIME: `${seconds >= 0 ? '+' : ''}${seconds}` };
}

/** Debian puts the library under /usr/lib/<multiarch triplet>/faketime/. */
function libfaketime(): string | undefined {
  return readdirSync('/usr/lib')
    .map((dir) => `/usr/lib/${dir}/faketime/libfaketime.so.1`)
    .find((path) => existsSync(path));
}

/** The offset of an outer relative FAKETIME ("+123", "-45.5"), in ms; 0 when there is none. */
export function outerOffsetMs(faketime: string | undefined): number {
  if (!faketime) return 0;
  const match = /^([+-]\d+(?:\.\d+)?)$/.exec(faketime.trim());
  if (!match) throw new Error(`FAKETIME="${faketime}" is not a relative offset; the tests can only work under "+N" or "-N" seconds.`);
  return Number(match[1]) * 1000;
}
