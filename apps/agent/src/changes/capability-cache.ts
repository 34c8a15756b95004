// The kernel's capabilities as the change pipeline checks them, read at most once a minute: reading them
// lists module directories and reads modules.builtin (kernel-features.ts), a handful of file operations that
// cost a change several milliseconds before its first kernel step in the user-mode Linux guest, where a
// health check's verdict waits on them. What they say changes with a module loaded or a kernel booted, so a
// change that a cached reading would refuse is checked again against a fresh one: a stale cache can delay
// nothing but a refusal, and never refuses what the kernel now has.
import type { IpvsadmCommand, KernelCapabilities } from '@ipvs-dashboard/shared';
import { capabilityProblems, type Problem } from './capability-check.js';

/** How long a reading is used without asking again. */
export const CAPABILITIES_TTL_MS = 60_000;

export class CapabilityCache {
  private reading: { at: number; value: Promise<KernelCapabilities> } | null = null;

  constructor(
    private readonly read: () => Promise<KernelCapabilities>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every command that asks for something this kernel lacks, as a fresh reading says. */
  async problems(
    commands: readonly IpvsadmCommand[],
    lineOf?: (command: IpvsadmCommand) => number | undefined,
  ): Promise<Problem[]> {
    const cached = this.reading !== null;
    const found = capabilityProblems(commands, await this.current(), lineOf);
    if (found.length === 0 || !cached) return found;
    this.reading = null;
    return capabilityProblems(commands, await this.current(), lineOf);
  }

  private current(): Promise<KernelCapabilities> {
    const now = this.now();
    if (this.reading === null || now - this.reading.at >= CAPABILITIES_TTL_MS) {
      const value = this.read();
      this.reading = { at: now, value };
      // A failed reading is not kept: the next change asks again.
      value.catch(() => {
        if (this.reading?.value === value) this.reading = null;
      });
    }
    return this.reading.value;
  }
}
