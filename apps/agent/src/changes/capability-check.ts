// What the schema cannot know: whether this kernel has what a change asks for (a scheduler, a
// persistence engine, a tunnel type, IPv6). Checked before the first step, every problem at once, so a
// change the kernel would refuse halfway is refused whole instead.
import {
  AppError,
  parseIpAddress,
  type AddressFamily,
  type IpvsadmCommand,
  type KernelCapabilities,
  type ServiceKey,
} from '@ipvs-dashboard/shared';

export interface Problem {
  /** 1-based line of the restore text, where the command came from one. */
  line?: number;
  message: string;
}

/** The address family a service or real server address asks the kernel for. */
function familyOfAddress(address: string): AddressFamily {
  return parseIpAddress(address)?.family ?? 'inet';
}

function familyOfService(key: ServiceKey): AddressFamily {
  return key.protocol === 'fwmark' ? key.family : familyOfAddress(key.address);
}

/** What one command asks for that the kernel lacks, in words; none when it asks for nothing missing. */
function missingIn(command: IpvsadmCommand, capabilities: KernelCapabilities): string[] {
  const missing: string[] = [];
  const families = new Set(capabilities.addressFamilies);
  const ipv6 = (family: AddressFamily, what: string) => {
    if (family === 'inet6' && !families.has('inet6'))
      missing.push(`${what} is IPv6, and this kernel has no IPv6 (disabled at boot or not built)`);
  };
  if (command.kind === 'add-service' || command.kind === 'edit-service') {
    const { scheduler, persistenceEngine } = command.service;
    // Nothing found is not "nothing available": a kernel whose modules we cannot see still has
    // schedulers, and then its persistence engines cannot be known either.
    const modulesKnown = capabilities.schedulers.length > 0;
    if (modulesKnown && !capabilities.schedulers.includes(scheduler))
      missing.push(
        `scheduler "${scheduler}" is not available in this kernel (it has ${capabilities.schedulers.join(', ')})`,
      );
    if (modulesKnown && persistenceEngine && !capabilities.persistenceEngines.includes(persistenceEngine))
      missing.push(
        `persistence engine "${persistenceEngine}" is not available in this kernel (no ip_vs_pe_${persistenceEngine} module)`,
      );
    if (command.kind === 'add-service') ipv6(familyOfService(command.service), 'the service');
  }
  if (command.kind === 'add-destination' || command.kind === 'edit-destination') {
    const { destination } = command;
    if (destination.forwarding === 'tunnel' && !capabilities.tunnelTypes.includes(destination.tunnelType))
      missing.push(
        `tunnel type ${destination.tunnelType} needs Linux ${destination.tunnelType === 'gue' ? '5.2' : '5.3'} or later (this kernel has ${capabilities.tunnelTypes.join(', ')})`,
      );
    if (command.kind === 'add-destination') ipv6(familyOfAddress(destination.address), 'the real server');
  }
  return missing;
}

/** Every command that asks for something this kernel lacks; `lineOf` names its restore-text line. */
export function capabilityProblems(
  commands: readonly IpvsadmCommand[],
  capabilities: KernelCapabilities,
  lineOf: (command: IpvsadmCommand) => number | undefined = () => undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const command of commands) {
    const missing = missingIn(command, capabilities);
    if (missing.length === 0) continue;
    const line = lineOf(command);
    for (const message of missing)
      problems.push({
        ...(line === undefined ? {} : { line }),
        message: `${line === undefined ? '' : `line ${line}: `}${message}`,
      });
  }
  return problems;
}

/** One error for all of them: the first in the sentence, every one in details.problems. */
export function problemsError(problems: readonly Problem[]): AppError {
  const [first] = problems;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  // SCHEDULER_NOT_FOUND is also what the kernel's ENOENT for a missing persistence engine maps to.
  const code = problems.every((p) => /scheduler|persistence engine/.test(p.message))
    ? 'SCHEDULER_NOT_FOUND'
    : 'VALIDATION_FAILED';
  return new AppError(code, `${first?.message ?? 'The change is not valid.'}${more}. Nothing was changed.`, {
    details: { problems },
  });
}
