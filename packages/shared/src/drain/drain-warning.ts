// When a drain cannot be trusted to end by itself (kubernetes issue 71809): a persistent service keeps sending
// a returning client to the server its template names, even at weight 0, unless the kernel's
// expire_quiescent_template is 1 (ip_vs_check_template); every such connection renews the template.
import type { DrainWarning } from './drain-progress.js';

export const EXPIRE_QUIESCENT_TEMPLATE = 'expire_quiescent_template';
export const EXPIRE_QUIESCENT_TEMPLATE_FIX = 'sysctl -w net.ipv4.vs.expire_quiescent_template=1';

/**
 * The warning for a drain of a real server of a service with this persistence (seconds; 0 = none), or null.
 * `expireQuiescentTemplate` is the sysctl's value; undefined (not readable) counts as 0, the kernel default.
 */
export function drainWarning(
  persistenceSeconds: number,
  expireQuiescentTemplate: number | undefined,
): DrainWarning | null {
  if (persistenceSeconds === 0 || (expireQuiescentTemplate ?? 0) !== 0) return null;
  return {
    code: 'QUIESCENT_TEMPLATES_KEPT',
    message: `This service is persistent (${persistenceSeconds} s) and net.ipv4.vs.${EXPIRE_QUIESCENT_TEMPLATE} is 0: clients that came before keep reaching this server at weight 0, and each connection they make renews their template, so the drain may only end at its deadline. Run "${EXPIRE_QUIESCENT_TEMPLATE_FIX}" (or set it on the Settings page) so returning clients move to another server.`,
    fix: EXPIRE_QUIESCENT_TEMPLATE_FIX,
  };
}
