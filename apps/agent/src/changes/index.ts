// changes: the one pipeline every change to the director goes through (plan, validate, journal, apply,
// roll back, record), the write-ahead journal, the change log, undo and crash recovery.
// May import the ipvs domain interface, live (for the monitor) and shared; knows nothing of HTTP.
export * from './change-pipeline.js';
export * from './change-journal.js';
export * from './change-log.js';
export * from './change-undo.js';
export * from './setting-changes.js';
export * from './table-rows.js';
export * from './capability-check.js';
export * from './external-changes.js';
export * from './hold-memory.js';
export * from './check-memory.js';
export * from './policy-memory.js';
export * from './change-ids.js';
export { expectedAfter } from './change-targets.js';
export * from './open-changes.js';
