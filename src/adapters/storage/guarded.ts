/** Run a caller's change inside a transaction; if it throws, nothing of the transaction lands. */
export function guarded<T>(tx: { abort(): void; done: Promise<void> }, run: () => T): T {
  try {
    return run();
  } catch (error) {
    tx.done.catch(() => undefined);
    tx.abort();
    throw error;
  }
}
