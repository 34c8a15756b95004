// `ipvs-dashboard-agent token add NAME --role viewer|operator|admin [--services SID,...]`, `token list`,
// `token revoke NAME`: named tokens in the state directory (the same --state-dir / IPVS_DASHBOARD_STATE_DIR
// as the agent's). A running agent picks the change up by itself.
import { parseArgs } from 'node:util';
import { AppError, parseServiceId, roleSchema, serviceId } from '@ipvs-dashboard/shared';
import { addToken, readTokens, revokeToken } from '../state/index.js';

export const tokenUsage = `Usage:
  ipvs-dashboard-agent token add NAME --role viewer|operator|admin [--services SID,...] [--state-dir DIR]
  ipvs-dashboard-agent token list [--state-dir DIR]
  ipvs-dashboard-agent token revoke NAME [--state-dir DIR]

Roles: viewer reads everything and changes nothing; operator also sets weights, quiesces, drains and
zeroes counters; admin does everything (restore, clear, sysctls, daemons). --services limits a token's
changes to those services (ids as in the API, e.g. tcp:10.0.0.1:80,fwmark:7).
`;

function servicesOf(text: string | undefined): string[] | null {
  if (text === undefined) return null;
  // Each id as the API writes it (IPv6 compressed, lower case), so a limit matches the paths' ids.
  return text.split(',').map((id) => serviceId(parseServiceId(id.trim())));
}

/** Runs a token subcommand; returns what to print. */
export async function runTokenCommand(
  argv: readonly string[],
  defaultStateDir: string,
  now = Date.now(),
): Promise<string> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { role: { type: 'string' }, services: { type: 'string' }, 'state-dir': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const stateDir = values['state-dir'] ?? defaultStateDir;
  const [verb, name] = positionals;
  if (verb === 'add' && name) {
    const role = roleSchema.safeParse(values.role);
    if (!role.success)
      throw new AppError('VALIDATION_FAILED', `--role must be viewer, operator or admin.\n\n${tokenUsage}`);
    const token = await addToken(stateDir, name, role.data, servicesOf(values.services), now);
    return `Token "${name}" (${role.data}) added. It is shown this once; keep it safe:\n\n    ${token}\n\nUse it as "Authorization: Bearer <token>" or open the agent's URL with /?token=<token>.\n`;
  }
  if (verb === 'list' && name === undefined) {
    const tokens = await readTokens(stateDir);
    if (tokens.length === 0)
      return `No named tokens in ${stateDir} (the startup token is always an admin token).\n`;
    return tokens
      .map(
        (t) =>
          `${t.name}\t${t.role}\t${t.services?.join(',') ?? 'all services'}\tadded ${new Date(t.createdAt).toISOString()}`,
      )
      .join('\n')
      .concat('\n');
  }
  if (verb === 'revoke' && name) {
    if (!(await revokeToken(stateDir, name)))
      throw new AppError('VALIDATION_FAILED', `No token named "${name}".`);
    return `Token "${name}" revoked: requests and browser sessions made with it are refused from now on.\n`;
  }
  throw new AppError('VALIDATION_FAILED', tokenUsage);
}
