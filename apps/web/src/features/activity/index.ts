// Activity feature: the change log (GET /changes), newest first, filtered by service and source, each
// change with who, when, its ipvsadm commands, what it changed and Undo. May import lib/ and components/.
export { ActivityPage } from './components/activity-page';
