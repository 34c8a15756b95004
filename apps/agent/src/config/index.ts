// config: the agent's settings (flags + environment) as one validated value, and listen-address rules.
// Pure: imports only @ipvs-dashboard/shared, the metrics family catalogue and node built-ins; never touches
// sockets or the backend.
export * from './agent-config.js';
export * from './listen-address.js';
