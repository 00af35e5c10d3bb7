import type { ComponentChildren } from 'preact';

/**
 * The new tab's door to the focus block (see focus-pages.tsx): it has no static imports, so the new tab's initial
 * script names only this file. Rejects when the block's code cannot load.
 */
export function mount(root: HTMLElement, dashboard: ComponentChildren, painted: boolean): Promise<void> {
  return import('@/src/wiring/focus-pages').then((m) => m.newTabFocus(root, dashboard, painted));
}
