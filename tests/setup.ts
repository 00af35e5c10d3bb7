// Node 20 has no Temporal; the extension's browsers do. Tests load the same polyfill the extension falls back to.
import 'temporal-polyfill/global';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  // A fresh database server and browser per test: no state leaks between tests.
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});
