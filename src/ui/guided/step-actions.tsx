/** A step's buttons: Back, the step's main action (the form's submit), and "Skip for now", which leaves the guide. */
export function StepActions({ next, onBack, onSkip, busy }: { next: string; onBack?: () => void; onSkip: () => void; busy?: boolean }) {
  return (
    <div class="actions step-actions">
      {onBack && (
        <button type="button" onClick={onBack} disabled={busy}>
          Back
        </button>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {next}
      </button>
      <button type="button" class="quiet" onClick={onSkip} disabled={busy}>
        Skip for now
      </button>
    </div>
  );
}
