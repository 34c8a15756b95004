// What the schema cannot know: whether this kernel has what a change asks for. Checked before the first
// step, every problem at once, so a change the kernel would refuse halfway is refused whole instead.
import { AppError, type IpvsadmCommand } from '@ipvs-dashboard/shared';

export interface Problem {
  /** 1-based line of the restore text, where the command came from one. */
  line?: number;
  message: string;
}

export interface Capabilities {
  /** Schedulers the kernel has or can load (GET /info lists the same); empty when they cannot be found. */
  schedulers: readonly string[];
}

/** Every command that asks for something this kernel lacks; `lineOf` names its restore-text line. */
export function capabilityProblems(
  commands: readonly IpvsadmCommand[],
  capabilities: Capabilities,
  lineOf: (command: IpvsadmCommand) => number | undefined = () => undefined,
): Problem[] {
  // Nothing found is not "nothing available": a kernel whose modules we cannot see still has schedulers.
  if (capabilities.schedulers.length === 0) return [];
  const available = new Set(capabilities.schedulers);
  const problems: Problem[] = [];
  for (const command of commands) {
    if (command.kind !== 'add-service' && command.kind !== 'edit-service') continue;
    const { scheduler } = command.service;
    if (available.has(scheduler)) continue;
    const line = lineOf(command);
    problems.push({
      ...(line === undefined ? {} : { line }),
      message: `${line === undefined ? '' : `line ${line}: `}scheduler "${scheduler}" is not available in this kernel (it has ${[...available].join(', ')})`,
    });
  }
  return problems;
}

/** One error for all of them: the first in the sentence, every one in details.problems. */
export function problemsError(problems: readonly Problem[]): AppError {
  const [first] = problems;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  const code = problems.every((p) => p.message.includes('scheduler'))
    ? 'SCHEDULER_NOT_FOUND'
    : 'VALIDATION_FAILED';
  return new AppError(code, `${first?.message ?? 'The change is not valid.'}${more}. Nothing was changed.`, {
    details: { problems },
  });
}
