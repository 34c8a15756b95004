// Connections feature: the connection table filtered by service, real server and state, paged.
// May import lib/ and components/; never another feature.
export { ConnectionsPage } from './components/connections-page';
