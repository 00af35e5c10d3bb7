/** A cue prompt to show. */
export interface CuePrompt {
  /** Identifies the prompt; the same id replaces rather than stacks. */
  id: string;
  title: string;
  message: string;
}

/** Shows and withdraws cue prompts (system notifications in the browser). */
export interface Notifier {
  show(prompt: CuePrompt): Promise<void>;
  clear(id: string): Promise<void>;
}
