export * from './connections-query.js';
