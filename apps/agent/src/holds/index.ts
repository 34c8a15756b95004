// holds: what keeps a real server out of rotation and why (shared holds.ts), placed and released through
// the change pipeline, reconciled at start. May import changes, state, live and shared; knows nothing of HTTP.
export * from './hold-changes.js';
export * from './reconcile-holds.js';
export * from './row-status.js';
