// The ipvsadm commands a drain runs, for its dry run and the web app's preview.
import type { IpvsadmCommand } from '../ipvsadm-format/commands.js';
import { formatCommand } from '../ipvsadm-format/format-command.js';
import type { DestinationInput, ServiceKey } from '../model.js';

/** `-e ... -w 0` when the server is still in rotation, and `-d` at the end for then: remove. */
export function drainCommands(service: ServiceKey, server: DestinationInput, remove: boolean): string[] {
  const steps: IpvsadmCommand[] = [];
  if (server.weight !== 0)
    steps.push({ kind: 'edit-destination', service, destination: { ...server, weight: 0 } });
  if (remove) steps.push({ kind: 'delete-destination', service, destination: server });
  return steps.map((command) => `ipvsadm ${formatCommand(command)}`);
}
