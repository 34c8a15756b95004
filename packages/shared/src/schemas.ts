// Validation schemas (zod) for every API input and every read-model body (see docs/api.md).
// May import the model, ids, ip-address and errors of this package; nothing from the apps.
export * from './schemas/primitives.js';
export * from './schemas/netmask.js';
export * from './schemas/service.js';
export * from './schemas/destination.js';
export * from './schemas/system.js';
export * from './schemas/read-model.js';
export * from './schemas/parse.js';
