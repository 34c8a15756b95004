// Service feature: one virtual service's settings, live charts and real servers board (drag to quiesce).
// May import lib/ and components/; never another feature.
export { ServicePage } from './components/service-page';
