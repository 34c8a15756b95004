// http: the REST API, login, /metrics and the web app, as an Express app over one IpvsBackend.
// May import ipvs (the domain interface), live, metrics, state, config and shared; never netlink or sys.
export * from './create-app.js';
export * from './access-guard.js';
export * from './agent-server.js';
