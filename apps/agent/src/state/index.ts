// state: what the agent must remember across restarts, as small JSON files in --state-dir.
// Imports only node built-ins and @ipvs-dashboard/shared; knows nothing of HTTP or the backend.
export * from './quiesce-store.js';
export * from './token-store.js';
export * from './named-tokens.js';
