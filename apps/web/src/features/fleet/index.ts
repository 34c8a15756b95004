// Fleet feature: every director of the --fleet file at a glance, and the pair view's table diff.
// May import lib/ and components/; never another feature.
export { FleetPage } from './components/fleet-page';
export { PairView } from './components/pair-view';
