import { dbHandle } from '@/src/adapters/storage/db-handle';

/** This page's (or the worker's) one way to Cueboard's database, shared by every store: one connection, reopened when closed. */
export const appDb = dbHandle();
