import { browser } from 'wxt/browser';
import type { BackupSaver } from '@/src/ports/backup-saver';

/** Backups go in a folder of their own inside the downloads folder. */
const FOLDER = 'Cueboard backups';

/**
 * Weekly backups through the `downloads` API (an optional permission, asked for when the person turns backups on).
 * The API object exists only once the permission is given, so it is looked up at each call. Chrome's service worker
 * has no object URLs, so the file goes as a data: URL there; Firefox's background page makes an object URL.
 */
export const downloadsBackup: BackupSaver = {
  async permitted() {
    return (await browser.permissions.contains({ permissions: ['downloads'] })) && browser.downloads !== undefined;
  },

  async save(file) {
    const objectUrl = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(new Blob([file.text], { type: file.type })) : undefined;
    try {
      return await browser.downloads.download({
        url: objectUrl ?? `data:${file.type};base64,${base64(file.text)}`,
        filename: `${FOLDER}/${file.name}`,
        conflictAction: 'uniquify',
        saveAs: false,
      });
    } finally {
      // The download has its own copy once it started.
      if (objectUrl) setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    }
  },

  async remove(downloadId) {
    await browser.downloads.removeFile(downloadId);
    await browser.downloads.erase({ id: downloadId });
  },
};

/** UTF-8 text as base64, in slices (a spread of millions of bytes would overflow the call stack). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
