import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import type { IpvsBackend } from '../../ipvs/backend/backend.js';
import { parseCommandLine } from '../parse-command-line.js';
import { hasNetAdmin, selectBackend } from '../select-backend.js';

describe('parse-command-line', () => {
  it('takes flags over environment variables', () => {
    const line = parseCommandLine(['--listen', '127.0.0.1:9999', '--backend=simulated'], {
      IPVS_DASHBOARD_LISTEN: '127.0.0.1:1111',
      IPVS_DASHBOARD_INTERVAL: '2s',
    });
    expect(line).toEqual({
      help: false,
      settings: { listen: '127.0.0.1:9999', backend: 'simulated', interval: '2s' },
    });
  });

  it('reads --webhooks FILE, or IPVS_DASHBOARD_WEBHOOKS without it', () => {
    const fromEnv = parseCommandLine([], { IPVS_DASHBOARD_WEBHOOKS: '/etc/ipvs-dashboard/webhooks.json' });
    expect(fromEnv.help === false && fromEnv.settings.webhooks).toBe('/etc/ipvs-dashboard/webhooks.json');
    const fromFlag = parseCommandLine(['--webhooks', 'mine.json'], { IPVS_DASHBOARD_WEBHOOKS: 'env.json' });
    expect(fromFlag.help === false && fromFlag.settings.webhooks).toBe('mine.json');
  });

  it('reads --metrics, or IPVS_DASHBOARD_METRICS without it', () => {
    const fromEnv = parseCommandLine([], { IPVS_DASHBOARD_METRICS: 'all' });
    expect(fromEnv.help === false && fromEnv.settings.metrics).toBe('all');
    const fromFlag = parseCommandLine(['--metrics', 'none'], { IPVS_DASHBOARD_METRICS: 'all' });
    expect(fromFlag.help === false && fromFlag.settings.metrics).toBe('none');
  });

  it('uses systemd STATE_DIRECTORY when no state dir is given', () => {
    const line = parseCommandLine([], { STATE_DIRECTORY: '/var/lib/ipvs-dashboard:/other' });
    expect(line.help === false && line.settings.stateDir).toBe('/var/lib/ipvs-dashboard');
  });

  it('recognises --help and -h', () => {
    expect(parseCommandLine(['--help'], {})).toEqual({ help: true });
    expect(parseCommandLine(['-h'], {})).toEqual({ help: true });
  });

  it('rejects unknown flags with a hint', () => {
    expect(() => parseCommandLine(['--lisen', 'x'], {})).toThrow(/--help/);
    expect(() => parseCommandLine(['--lisen', 'x'], {})).toThrow(AppError);
  });
});

describe('select-backend', () => {
  const fake = (kind: 'kernel' | 'simulated') => ({ kind }) as IpvsBackend;

  it('falls back to simulated, saying why, without CAP_NET_ADMIN', async () => {
    const chosen = await selectBackend('auto', {
      openKernel: () => Promise.resolve(fake('kernel')),
      openSimulated: () => fake('simulated'),
      hasNetAdmin: () => Promise.resolve(false),
    });
    expect(chosen.backend.kind).toBe('simulated');
    expect(chosen.reason).toMatch(/CAP_NET_ADMIN/);
  });

  it('falls back when the kernel has no IPVS, but not when the kernel was asked for', async () => {
    const factories = {
      openKernel: () => Promise.reject(new AppError('IPVS_UNAVAILABLE')),
      openSimulated: () => fake('simulated'),
      hasNetAdmin: () => Promise.resolve(true),
    };
    const chosen = await selectBackend('auto', factories);
    expect(chosen.backend.kind).toBe('simulated');
    expect(chosen.reason).toMatch(/no IPVS/);
    await expect(selectBackend('kernel', factories)).rejects.toThrow(AppError);
  });

  it('reads CAP_NET_ADMIN from the effective capability mask', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'caps-'));
    await writeFile(join(dir, 'with'), 'Name:\tnode\nCapEff:\t0000000000001000\n');
    await writeFile(join(dir, 'without'), 'Name:\tnode\nCapEff:\t0000000000000800\n');
    expect(await hasNetAdmin(join(dir, 'with'))).toBe(true);
    expect(await hasNetAdmin(join(dir, 'without'))).toBe(false);
  });
});
