// fleet: the other directors of a --fleet file, read for the browser (which never holds their tokens), and
// fleet changes coordinated through each director's own agent. Imports only shared, config's FleetSettings
// type and node:http(s); http wires it (agent-server.ts, routes/fleet-change-routes.ts).
export * from './peer-request.js';
export * from './fleet-reader.js';
export * from './local-director.js';
export * from './fleet-change.js';
export * from './peer-change-client.js';
export * from './change-problems.js';
