// alerts: tells webhooks and the log what an operator must know (a server down or back, a drain done, a
// change made outside the agent, an interrupted change). Imports only shared and Node; the layers that see
// the events (health, changes, the drain tracker) are wired to `Alerts.notify` in http/agent-server.ts.
export * from './alerts.js';
export * from './alert-messages.js';
export * from './retry-schedule.js';
export * from './webhook-delivery.js';
export * from './post-json.js';
