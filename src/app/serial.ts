/**
 * Run async jobs one after another. Install, start-up, a refresh alarm and a page's message can all ask for a
 * reconcile at once; queued, each sees the previous one's result.
 */
export function serial(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
