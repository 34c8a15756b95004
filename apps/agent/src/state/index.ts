// state: what the agent must remember across restarts, as small JSON files in --state-dir.
// Imports only node built-ins and @ipvs-dashboard/shared; knows nothing of HTTP or the backend.
export * from './hold-store.js';
export * from './json-file.js';
export * from './token-store.js';
export * from './named-tokens.js';
export * from './check-store.js';
export * from './drain-store.js';
export * from './policy-store.js';
export * from './ramp-store.js';
