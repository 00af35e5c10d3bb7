/**
 * Cueboard's core uses Temporal. Current Chromium and Firefox ship it; older browsers get the polyfill, which is
 * only fetched where `Temporal` is missing.
 */
export async function ensureTemporal(): Promise<void> {
  if (!('Temporal' in globalThis)) await import('temporal-polyfill/global');
}
