// Alerts: the events the agent sends to webhooks and its log, their body, and the --webhooks file.
export * from './alert-event.js';
export * from './webhook-settings.js';
