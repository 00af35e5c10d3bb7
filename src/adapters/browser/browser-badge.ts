import { browser } from 'wxt/browser';
import type { Badge } from '@/src/ports/badge';

/** The Badge port over the toolbar action (MV3 `action`; Firefox MV3 too). */
export const browserBadge: Badge = {
  async show(text, title) {
    await browser.action.setBadgeText({ text });
    await browser.action.setTitle({ title: title || 'Cueboard' });
  },
};
