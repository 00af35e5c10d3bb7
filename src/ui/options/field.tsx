import type { ComponentChildren } from 'preact';

/** A labelled form field with its error message wired for screen readers (aria-describedby on the control). */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && !error && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The aria attributes a control needs to point at its field's message. */
export function describedBy(id: string, error?: string, hasHint = false) {
  return {
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : hasHint ? `${id}-hint` : undefined,
  };
}

/** "Nothing was saved" with the count of fields to fix; announced at once. */
export function ErrorSummary({ errors }: { errors: Record<string, string | undefined> }) {
  const count = Object.values(errors).filter(Boolean).length;
  if (count === 0) return null;
  return (
    <p role="alert" class="error-summary">
      Nothing was saved: {count === 1 ? 'one field needs' : `${count} fields need`} a look.
    </p>
  );
}

/** Move focus to the first invalid control so keyboard users land on what to fix. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
