/** Where the weekly backup goes: the browser's downloads folder, written by the worker with no page open. */
export interface BackupSaver {
  /** Whether the browser lets Cueboard save there (the optional `downloads` permission). */
  permitted(): Promise<boolean>;
  /** Save a file; gives the browser's download id. */
  save(file: { name: string; type: string; text: string }): Promise<number>;
  /** Delete an older backup from the disk and the downloads list; one the person already deleted is fine. */
  remove(downloadId: number): Promise<void>;
}
