// A restore text as one change request for the pipeline: PUT /config (replace), POST /config (merge, as
// ipvsadm -R) and a fleet change's step on this director (merge) all build it here, so they plan, refuse
// and summarise a text the same way.
import {
  AppError,
  applyRestoreLines,
  checkLineProblem,
  destinationId,
  parseCheckLines,
  parsePolicyLines,
  planRestore,
  serviceId,
  type ChangeActor,
  type IpvsadmCommand,
  type RestoreLine,
  type RestorePlan,
  type RestoreSteps,
  type SavableService,
} from '@ipvs-dashboard/shared';
import type { PhaseTimer, TableChangeRequest } from '../../changes/index.js';
import type { ConfigTextFormat } from '../agent-context.js';

/** The line of the -A/-E line of each service, to name a scheduler this kernel lacks by its line. */
function serviceLines(lines: readonly RestoreLine[]): (command: IpvsadmCommand) => number | undefined {
  const byService = new Map<string, number>();
  for (const { line, command } of lines) {
    if (command.kind === 'add-service' || command.kind === 'edit-service') {
      byService.set(serviceId(command.service), line);
    }
  }
  return (command) =>
    'service' in command && command.service ? byService.get(serviceId(command.service)) : undefined;
}

/** Emptying a table that has services takes an explicit confirmation (as POST /clear does). */
function refuseUnconfirmedWipe(before: readonly SavableService[], steps: RestoreSteps, confirmed: boolean) {
  if (confirmed || before.length === 0) return;
  const removedServices = steps.commands.filter((c) => c.kind === 'delete-service').length;
  if (removedServices < before.length) return;
  throw new AppError(
    'CONFIRMATION_REQUIRED',
    `This text removes every service (${before.length}): it holds none of the live table's services. Send it again with ?confirm=replace-all if that is meant; to add to the table instead, POST /config (merge, as ipvsadm -R).`,
  );
}

type CheckLine = ReturnType<typeof parseCheckLines>[number];
type PolicyLine = ReturnType<typeof parsePolicyLines>[number];

/** Every check line must name a service (and real server) of the table the text leaves. */
function refuseChecksOutsideTable(checks: readonly CheckLine[], desired: readonly SavableService[]) {
  const rows = new Map(desired.map((s) => [serviceId(s.key), new Set(s.destinations.map(destinationId))]));
  for (const { line, service, destination } of checks) {
    const found = rows.get(service);
    if (!found) throw checkLineProblem(line, `check for ${service}, a service the table will not have`);
    if (destination !== null && !found.has(destination)) {
      throw checkLineProblem(
        line,
        `check for ${destination} in ${service}, a real server the table will not have`,
      );
    }
  }
}

/** Every policy line must name a service of the table the text leaves. */
function refusePoliciesOutsideTable(policies: readonly PolicyLine[], desired: readonly SavableService[]) {
  const services = new Set(desired.map((s) => serviceId(s.key)));
  for (const { line, service } of policies)
    if (!services.has(service))
      throw checkLineProblem(line, `policy for ${service}, a service the table will not have`);
}

const countOf = (plan: RestorePlan) =>
  `${plan.added.length} added, ${plan.changed.length} changed, ${plan.removed.length} removed`;

export interface RestoreChangeOptions {
  mode: 'replace' | 'merge';
  text: string;
  actor: ChangeActor;
  /** ?confirm=replace-all: a text may empty the table. */
  confirmed: boolean;
  timer?: PhaseTimer;
}

export interface RestoreChange {
  change: TableChangeRequest;
  /** The plan of the last planning (the answer of /config), with the change id once applied. */
  answer: (changeId?: string) => RestorePlan;
  /** The `# ipvs-dashboard check|policy` lines the text carries, to set once the table change applied. */
  checks: CheckLine[];
  policies: PolicyLine[];
}

/** Parses a restore text (throws every line ipvsadm would refuse) into the change that makes it. */
export function restoreChange(configText: ConfigTextFormat, options: RestoreChangeOptions): RestoreChange {
  const { mode, text, confirmed } = options;
  const parse = () => {
    const lines = configText.parse(text);
    return {
      lines,
      // Replace: the text alone is the table (ipvsadm-restore after -C); merge: its lines applied to the live one.
      replacement: mode === 'replace' ? applyRestoreLines([], lines) : null,
      checks: parseCheckLines(text),
      policies: parsePolicyLines(text),
    };
  };
  const { lines, replacement, checks, policies } = options.timer
    ? options.timer.measure('parse', parse)
    : parse();
  let steps: RestoreSteps | null = null;
  const change: TableChangeRequest = {
    action: mode === 'replace' ? 'restore' : 'merge',
    actor: options.actor,
    scope: 'all',
    ...(options.timer ? { timer: options.timer } : {}),
    lineOf: serviceLines(lines),
    plan(before) {
      const desired = replacement ?? applyRestoreLines(before, lines);
      steps = planRestore(before, desired);
      refuseUnconfirmedWipe(before, steps, confirmed);
      refuseChecksOutsideTable(checks, desired);
      refusePoliciesOutsideTable(policies, desired);
      return steps.commands;
    },
    summary: () =>
      `${mode === 'replace' ? 'Replaced the table with' : 'Merged'} a restore text: ${steps ? countOf(steps.plan) : ''}`,
  };
  const answer = (changeId?: string): RestorePlan => {
    const plan = steps?.plan ?? { added: [], changed: [], removed: [], details: [] };
    return changeId === undefined ? plan : { ...plan, changeId };
  };
  return { change, answer, checks, policies };
}
