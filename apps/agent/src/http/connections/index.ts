// http/connections: GET /connections's filters, search and sort over one reading of the connection table.
// Pure functions of the rows and the table; imports only shared.
export * from './query-connections.js';
