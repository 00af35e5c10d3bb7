/**
 * A function of a module still loading, callable at once: each call waits for the module, then runs it. The glance
 * pages render before their data and action code has arrived (it loads after the first paint), and hand these on.
 */
export function deferred<T, K extends keyof T>(ready: Promise<T>, key: K): T[K] {
  return (async (...args: unknown[]) => ((await ready)[key] as (...a: unknown[]) => unknown)(...args)) as T[K];
}
