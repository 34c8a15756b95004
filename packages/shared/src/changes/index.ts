// The change log and how a recorded change is applied again, undone or recovered.
export * from './change-record.js';
export * from './table-patch.js';
