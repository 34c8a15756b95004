// IPVS not loaded and not loadable: opening the kernel backend must say so (IPVS_UNAVAILABLE), not crash.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { KernelBackend } from '@ipvs-dashboard/agent/ipvs';
import { AppError } from '@ipvs-dashboard/shared';
import { clearAll } from '../ipvsadm.js';
import { mustExec } from '../lib/exec.js';

const MODPROBE_PATH = '/proc/sys/kernel/modprobe';

/** Unloads ip_vs and every module that uses it (schedulers, pe_sip), as `modprobe -r` would. */
function unloadIpvs(): void {
  const modules = readFileSync('/proc/modules', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith('ip_vs_'));
  for (const name of modules) mustExec('rmmod', [name]);
  mustExec('rmmod', ['ip_vs']);
}

void describe('KernelBackend without IPVS in the kernel', () => {
  const modprobe = readFileSync(MODPROBE_PATH, 'utf8').trim();
  after(() => {
    writeFileSync(MODPROBE_PATH, modprobe);
    mustExec(modprobe, ['ip_vs']);
    clearAll();
  });

  void it('reports IPVS_UNAVAILABLE when ip_vs is not loaded and cannot be auto-loaded', () => {
    clearAll();
    unloadIpvs();
    // An empty usermode-helper path stops request_module() (kernel/kmod.c), as on a kernel without modules.
    writeFileSync(MODPROBE_PATH, '\n');
    assert.throws(
      () => KernelBackend.open(),
      (error) => error instanceof AppError && error.code === 'IPVS_UNAVAILABLE',
    );
  });
});
