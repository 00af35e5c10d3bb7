/** A file as Cueboard hands it over. */
export interface FileToSave {
  name: string;
  type: string;
  text: string;
}

/**
 * Hand a file to the browser's downloads from a page: an object URL and a link with `download`. This needs no
 * permission (the `downloads` API is only for backups made by the worker, where no page is open). CSV gets a byte
 * order mark, so spreadsheets open its accents and emoji as UTF-8.
 */
export function downloadFile(file: FileToSave): void {
  const bom = file.type === 'text/csv' ? '\uFEFF' : '';
  const url = URL.createObjectURL(new Blob([bom, file.text], { type: `${file.type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the URL after the click returns: revoke it once that has surely happened.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
