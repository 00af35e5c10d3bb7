import type { HoldRule } from '@/src/core/focus-rules';

/** Holds sites back during focus (the browser's request rules) and knows which sites the person let it hold. */
export interface SiteBlocker {
  /** The listed sites whose host permission the person granted. */
  granted(sites: readonly string[]): Promise<Set<string>>;
  /** Make the live rules exactly these; rules that outlive a browser are never used, and any found are removed. */
  apply(rules: readonly HoldRule[]): Promise<void>;
}
