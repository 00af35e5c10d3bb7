import { render, type VNode } from 'preact';

/**
 * The markup a first render of `vnode` produces, rendered apart from the page and unmounted at once (its effects never
 * run). Kept as the glance snapshot, it is exactly what the page's own first render with the same view lays over it.
 */
export function markupOf(vnode: VNode): string {
  const box = document.createElement('div');
  render(vnode, box);
  const html = box.innerHTML;
  render(null, box);
  return html;
}
