// config: the agent's settings (flags + environment) as one validated value, and listen-address rules.
// Imports only @ipvs-dashboard/shared, the metrics family catalogue and node built-ins; reads one file (the
// --webhooks one, webhook-file.ts; the --fleet one and its token files, fleet-file.ts) and never touches
// sockets or the backend.
export * from './agent-config.js';
export * from './listen-address.js';
export * from './webhook-file.js';
export * from './fleet-file.js';
