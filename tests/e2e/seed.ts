import { until, type Browser } from './extension';

/** Write records straight into the extension's IndexedDB, once the worker has made it. */
export async function seed(b: Browser, records: Record<string, object[]>): Promise<void> {
  await until(
    () =>
      b.inWorker(
        () =>
          new Promise<boolean>((ok) => {
            const r = indexedDB.open('cueboard');
            r.onsuccess = () => {
              ok(r.result.objectStoreNames.contains('meta'));
              r.result.close();
            };
          }),
        undefined,
      ),
    'the database',
  );
  await b.inWorker(
    (data: Record<string, object[]>) =>
      new Promise<void>((finished) => {
        const r = indexedDB.open('cueboard');
        r.onsuccess = () => {
          const tx = r.result.transaction(Object.keys(data), 'readwrite');
          for (const [store, values] of Object.entries(data)) for (const v of values) tx.objectStore(store).put(v);
          tx.oncomplete = () => {
            r.result.close();
            finished();
          };
        };
      }),
    records,
  );
}
