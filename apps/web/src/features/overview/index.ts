// Overview feature: every virtual service with totals, sparklines, sort and filter, and "add service".
// May import lib/ and components/; never another feature.
export { OverviewPage } from './components/overview-page';
