// The browser suite, in order: later specs use the service and real servers the first ones create.
import { recoversFromAgentRestart } from './agent-restart.mjs';
import { activityShowsAndUndoes, importAsksBeforeEmptying, undoNoticeAfterDrag } from './change-log.mjs';
import { connectionsSearchSortReload } from './connections-view.mjs';
import { crashBanner } from './crash-banner.mjs';
import { disconnectedState } from './disconnected.mjs';
import { drainShowsProgress } from './drain-progress.mjs';
import { dragShowsCommandAndAsksWeight } from './drag-asks-weight.mjs';
import { badInputShowsAgentError, editThresholds } from './edit-server.mjs';
import { formShowsEveryError } from './form-errors.mjs';
import { fleetPageAndPairDiff } from './fleet.mjs';
import { fleetChangeFromThePairView } from './fleet-change.mjs';
import { fleetSparklinesAndPairConnections } from './fleet-extras.mjs';
import { healthChecksFromTheForm } from './health-checks.mjs';
import { longRangeFromPrometheus, prometheusHintWithoutIt } from './long-range.mjs';
import { overloadedServer } from './overloaded-server.mjs';
import { badImportShowsAgentError, exportAndImport } from './export-import.mjs';
import { dragBack, dragToQuiesced, keyboardDrag } from './quiesce-drag.mjs';
import { persistenceWarning } from './persistence-warning.mjs';
import { slowStartRamp } from './slow-start.mjs';
import { controlsFollowTheRole } from './roles.mjs';
import { shareLinkForAWallScreen } from './share-link.mjs';
import { everyScreenAtPhoneWidth } from './phone-width.mjs';
import { takeScreenshots } from './screenshots.mjs';
import { statsColumnsKeptAfterReload } from './stats-columns.mjs';
import { signInScreenWithoutSession } from './sign-in.mjs';
import { addRealServers, chartsShowData, createService } from './service-setup.mjs';

export const specs = [
  { name: 'no session: a sign-in screen and nothing else', run: signInScreenWithoutSession },
  { name: 'create a service (command shown first)', run: createService },
  { name: 'add real servers', run: addRealServers },
  { name: 'charts show live data', run: chartsShowData },
  { name: 'drag to Quiesced: weight 0, its new connections stop, others take them', run: dragToQuiesced },
  { name: 'drag back: old weight restored', run: dragBack },
  { name: 'keyboard drag quiesces and restores', run: keyboardDrag },
  {
    name: 'drag shows its command; a weight-0 server nobody quiesced asks which weight',
    run: dragShowsCommandAndAsksWeight,
  },
  { name: 'undo notice after a quiesce drag gives the old weight back', run: undoNoticeAfterDrag },
  {
    name: 'activity lists a change made in the UI with its command; Undo restores it',
    run: activityShowsAndUndoes,
  },
  { name: 'edit thresholds (upper drawn on the chart)', run: editThresholds },
  { name: 'bad input is refused next to its field and changes nothing', run: badInputShowsAgentError },
  {
    name: 'overloaded: the card says so in Active, the overview counts it, no new connections',
    run: overloadedServer,
  },
  {
    name: 'health check set in the form: dots up, a failing server held out and back at its weight',
    run: healthChecksFromTheForm,
  },
  {
    name: 'form errors: every one at once next to its field, in the language shown',
    run: formShowsEveryError,
  },
  { name: 'export, dry-run import, apply', run: exportAndImport },
  { name: "bad import shows the agent's error", run: badImportShowsAgentError },
  { name: 'import: replacing the table with nothing asks first', run: importAsksBeforeEmptying },
  { name: 'persistence warning offers expire_quiescent_template', run: persistenceWarning },
  {
    name: 'drain: progress bar and counts on the card, kept out at the deadline, unquiesce brings it back',
    run: drainShowsProgress,
  },
  {
    name: 'slow start: the card shows the ramp to the exact weight; the sorry server stands in',
    run: slowStartRamp,
  },
  {
    name: 'connections: search finds a client, a header sorts, a reload keeps both',
    run: connectionsSearchSortReload,
  },
  {
    name: 'columns chooser: --stats counters match the agent, the choice survives a reload',
    run: statsColumnsKeptAfterReload,
  },
  {
    name: 'roles: a viewer sees every control disabled with the reason, an operator may drag',
    run: controlsFollowTheRole,
  },
  {
    name: 'share link: a read-only wall screen from Settings; revoked, it signs out by itself',
    run: shareLinkForAWallScreen,
  },
  { name: 'long ranges: without Prometheus a hint says how to connect one', run: prometheusHintWithoutIt },
  {
    name: 'long ranges: with Prometheus, 1 h draws the range and marks the join; 7 days shows dates',
    run: longRangeFromPrometheus,
  },
  {
    name: 'fleet: every director with its totals or why not; the pair view shows a weight changed on one',
    run: fleetPageAndPairDiff,
  },
  {
    name: 'fleet change: planned and applied on a pair with one id; a refusal at apply rolls back; a quiesce holds each director at its own weight; an operator may not',
    run: fleetChangeFromThePairView,
  },
  {
    name: 'fleet extras: 1-hour lines from Prometheus on each card; pair connection counts flag an imbalance',
    run: fleetSparklinesAndPairConnections,
  },
  { name: 'screenshots of every screen, light and dark', run: takeScreenshots },
  {
    name: 'every screen fits 390 px and 1280x720 without horizontal scrolling',
    run: everyScreenAtPhoneWidth,
  },
  { name: 'agent unreachable: said in words, numbers dimmed, changes say why', run: disconnectedState },
  { name: 'page recovers when the agent restarts', run: recoversFromAgentRestart },
  { name: 'crash banner: an interrupted change is rolled back or finished', run: crashBanner },
];
