import {
  servicePolicySchema,
  isEmptyPolicy,
  type PolicyAssignment,
  type ServicePolicy,
} from '@ipvs-dashboard/shared';
import { JsonFile } from './json-file.js';

/**
 * Each service's return policy (shared policy/service-policy.ts: slow start, sorry server), by serviceId(),
 * in <state-dir>/policies.json so it survives a restart, as checks.json keeps the checks (check-store.ts).
 */
export class PolicyStore {
  private readonly file: JsonFile;
  private readonly policies = new Map<string, ServicePolicy>();
  private readonly listeners = new Set<(serviceId: string | null) => void>();

  private constructor(dir: string) {
    this.file = new JsonFile(dir, 'policies.json');
  }

  static async open(dir: string): Promise<PolicyStore> {
    const store = new PolicyStore(dir);
    const parsed = (await store.file.load()) as Record<string, unknown> | undefined;
    // A policy an older or newer agent wrote that this one would refuse is left out, not half-applied.
    for (const [key, value] of Object.entries(parsed ?? {})) {
      const policy = servicePolicySchema.safeParse(value);
      if (policy.success && !isEmptyPolicy(policy.data)) store.policies.set(key, policy.data);
    }
    return store;
  }

  /** Called with the service whose policy changed (null: all of them went). */
  subscribe(listener: (serviceId: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(serviceId: string): ServicePolicy | undefined {
    return this.policies.get(serviceId);
  }

  slowStartSeconds(serviceId: string): number {
    return this.policies.get(serviceId)?.slowStartSeconds ?? 0;
  }

  /** Every service with a policy, in key order (as an export carries them). */
  assignments(): PolicyAssignment[] {
    return [...this.policies]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([service, policy]) => ({ service, policy }));
  }

  /** Sets a service's policy; an empty one (or null) removes it. */
  async set(serviceId: string, policy: ServicePolicy | null): Promise<void> {
    if (policy === null || isEmptyPolicy(policy)) {
      if (!this.policies.delete(serviceId)) return;
    } else this.policies.set(serviceId, policy);
    await this.save(serviceId);
  }

  /** Forgets a removed service's policy, or every policy without an id (cleared). */
  async forgetService(serviceId?: string): Promise<void> {
    if (serviceId === undefined) {
      if (this.policies.size === 0) return;
      this.policies.clear();
      await this.save(null);
    } else if (this.policies.delete(serviceId)) await this.save(serviceId);
  }

  private save(serviceId: string | null): Promise<void> {
    for (const listener of this.listeners) listener(serviceId);
    return this.file.save(Object.fromEntries(this.policies));
  }
}
