// packages/shared: what the agent and the web app must agree on. Imports nothing from the apps,
// uses no Node or DOM globals.
export * from './model.js';
export * from './errors.js';
export * from './ip-address.js';
export * from './ids.js';
export * from './schemas.js';
export * from './rates.js';
export * from './overload.js';
export * from './row-copies.js';
export * from './row-ids.js';
export * from './ws.js';
export * from './api.js';
export * from './long-history.js';
export * from './connections/index.js';
export * from './scheduler-flags.js';
export * from './kernel-settings.js';
export * from './ipvsadm-format/index.js';
export * from './changes/index.js';
export * from './table-owners.js';
export * from './access-roles.js';
export * from './share-links.js';
export * from './holds.js';
export * from './health/index.js';
export * from './policy/index.js';
export * from './alerts/index.js';
export * from './drain/index.js';
export * from './fleet/index.js';
