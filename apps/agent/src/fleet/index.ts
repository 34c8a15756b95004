// fleet: the other directors of a --fleet file, read for the browser (which never holds their tokens).
// Imports only shared, config's FleetSettings type and node:http(s); http wires it (agent-server.ts).
export * from './peer-request.js';
export * from './fleet-reader.js';
export * from './fleet-change.js';
export * from './peer-change-client.js';
export * from './change-problems.js';
