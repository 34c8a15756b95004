// live: the one poller over the backend (rates, history, change detection) and the WebSocket fan-out.
// May import the ipvs domain interface and shared; only ws-transport.ts touches `ws` and sockets.
export * from './table-monitor.js';
export * from './live-hub.js';
export * from './ws-transport.js';
export * from './history/history-store.js';
export * from './row-status.js';
