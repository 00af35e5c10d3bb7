import type { HoldRule } from '@/src/core/focus-rules';
import type { SiteBlocker } from '@/src/ports/site-blocker';

/** The browser's request rules as a list, and the host permissions as a set the test grants and revokes. */
export class FakeBlocker implements SiteBlocker {
  rules: HoldRule[] = [];
  applied = 0;

  constructor(readonly allowed = new Set<string>()) {}

  async granted(sites: readonly string[]): Promise<Set<string>> {
    return new Set(sites.filter((s) => this.allowed.has(s)));
  }

  async apply(rules: readonly HoldRule[]): Promise<void> {
    this.rules = [...rules];
    this.applied += 1;
  }
}
