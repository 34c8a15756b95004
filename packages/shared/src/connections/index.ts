export * from './connections-query.js';
export * from './endpoint-text.js';
