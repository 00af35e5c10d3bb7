/** The outcome of validating input: either a clean value or a message per offending field. */
export type Validated<T, F extends string = string> = { ok: true; value: T } | { ok: false; errors: Partial<Record<F, string>> };

/** True when an errors object holds no message. */
export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}
