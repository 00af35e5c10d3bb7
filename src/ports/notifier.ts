/** A cue prompt to show. */
export interface CuePrompt {
  /** Identifies the prompt; the same id replaces rather than stacks. */
  id: string;
  title: string;
  message: string;
  /**
   * A cue prompt offers Start and Done; a focus cue offers Start now and Start in 2 minutes; a summary (cues missed
   * while away) is opened with a click. Default: cue.
   */
  kind?: 'cue' | 'focus' | 'summary';
}

/** Shows and withdraws cue prompts (system notifications in the browser). */
export interface Notifier {
  show(prompt: CuePrompt): Promise<void>;
  clear(id: string): Promise<void>;
}
