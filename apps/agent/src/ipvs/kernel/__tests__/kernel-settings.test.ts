import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '@ipvs-dashboard/shared';
import { readKernelSettings, writeKernelSetting } from '../kernel-settings.js';
import { availableIpvsModules, availableSchedulers } from '../available-schedulers.js';
import { addressFamiliesOf, tunnelTypesOf } from '../kernel-features.js';
import { SimulatedBackend } from '../../../simulated/index.js';

async function fakeSysctl(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ipvs-sysctl-'));
  const values: Record<string, string> = {
    am_droprate: '10',
    amemthresh: '1024',
    drop_entry: '0',
    secure_tcp: '0',
    conn_reuse_mode: '1',
    expire_nodest_conn: '0',
    sync_threshold: '3\t50',
  };
  for (const [name, value] of Object.entries(values)) await writeFile(join(dir, name), `${value}\n`);
  return dir;
}

function failure(error: unknown): unknown {
  return error instanceof AppError ? [error.code, error.field] : error;
}

describe('kernel-settings', () => {
  it('lists the known settings present with value, range and a description', async () => {
    const settings = await readKernelSettings(await fakeSysctl());
    expect(settings.map((s) => [s.name, s.value, s.min, s.max])).toEqual([
      ['am_droprate', 10, 0, 2147483647],
      ['amemthresh', 1024, 0, 2147483647],
      ['conn_reuse_mode', 1, 0, 3],
      ['drop_entry', 0, 0, 3],
      ['expire_nodest_conn', 0, 0, 1],
      ['secure_tcp', 0, 0, 3],
    ]);
    expect(settings.every((s) => s.description.endsWith('.'))).toBe(true);
  });

  it('describes each setting exactly as the simulated kernel does (one catalogue)', async () => {
    const kernel = await readKernelSettings(await fakeSysctl());
    const simulated = await new SimulatedBackend().kernelSettings();
    for (const setting of kernel) {
      expect(simulated.find((s) => s.name === setting.name)?.description).toBe(setting.description);
    }
    const dropPacket = simulated.find((s) => s.name === 'drop_packet')?.description ?? '';
    expect(dropPacket).toMatch(/1 in every "rate" packets/);
    expect(dropPacket).toMatch(/am_droprate/);
  });

  it('writes a valid value to the file', async () => {
    const dir = await fakeSysctl();
    await writeKernelSetting('secure_tcp', 3, dir);
    expect(await readFile(join(dir, 'secure_tcp'), 'utf8')).toBe('3\n');
  });

  it('refuses an out-of-range value or unknown name naming the setting, and leaves the file alone', async () => {
    const dir = await fakeSysctl();
    expect(await writeKernelSetting('secure_tcp', 4, dir).catch(failure)).toEqual([
      'VALIDATION_FAILED',
      'secure_tcp',
    ]);
    expect(await writeKernelSetting('expire_nodest_conn', 0.5, dir).catch(failure)).toEqual([
      'VALIDATION_FAILED',
      'expire_nodest_conn',
    ]);
    expect(await writeKernelSetting('sync_threshold', 1, dir).catch(failure)).toEqual([
      'VALIDATION_FAILED',
      'sync_threshold',
    ]);
    expect(await readFile(join(dir, 'secure_tcp'), 'utf8')).toBe('0\n');
  });
});

describe('available-schedulers', () => {
  it('finds scheduler modules, built-ins and loaded modules, but not the FTP helper or persistence engines', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ipvs-mods-'));
    const ipvsDir = join(root, 'lib', '6.1.0', 'kernel/net/netfilter/ipvs');
    await mkdir(ipvsDir, { recursive: true });
    for (const file of [
      'ip_vs.ko',
      'ip_vs_rr.ko',
      'ip_vs_mh.ko.xz',
      'ip_vs_ftp.ko',
      'ip_vs_pe_sip.ko',
      'ip_vs_wlc.ko.zst',
    ]) {
      await writeFile(join(ipvsDir, file), '');
    }
    await writeFile(
      join(root, 'lib', '6.1.0', 'modules.builtin'),
      'kernel/net/netfilter/ipvs/ip_vs_sh.ko\nkernel/fs/ext4/ext4.ko\n',
    );
    const sys = join(root, 'sys');
    await mkdir(join(sys, 'ip_vs_lc'), { recursive: true });
    await mkdir(join(sys, 'ip_vs'), { recursive: true });
    const found = await availableSchedulers({
      moduleRoots: [join(root, 'lib'), join(root, 'none')],
      release: '6.1.0',
      sysModuleDir: sys,
    });
    expect(found).toEqual(['lc', 'mh', 'rr', 'sh', 'wlc']);
  });
});

describe('available-ipvs-modules', () => {
  it('finds persistence engines (ip_vs_pe_*) apart from the schedulers', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ipvs-mods-'));
    const ipvsDir = join(root, '6.1.0', 'kernel/net/netfilter/ipvs');
    await mkdir(ipvsDir, { recursive: true });
    for (const file of ['ip_vs_rr.ko', 'ip_vs_pe_sip.ko.xz', 'ip_vs_ftp.ko'])
      await writeFile(join(ipvsDir, file), '');
    expect(
      await availableIpvsModules({ moduleRoots: [root], release: '6.1.0', sysModuleDir: join(root, 'none') }),
    ).toEqual({ schedulers: ['rr'], persistenceEngines: ['sip'] });
  });
});

describe('kernel-features', () => {
  it('offers gue from Linux 5.2 and gre from 5.3, every type when the release cannot be read', () => {
    expect(tunnelTypesOf('4.19.0-26-amd64')).toEqual(['ipip']);
    expect(tunnelTypesOf('5.2.21')).toEqual(['ipip', 'gue']);
    expect(tunnelTypesOf('6.1.0-28-amd64')).toEqual(['ipip', 'gue', 'gre']);
    expect(tunnelTypesOf('unknown')).toEqual(['ipip', 'gue', 'gre']);
  });

  it('has IPv6 only where its sysctl directory exists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipv6-'));
    expect(addressFamiliesOf(dir)).toEqual(['inet', 'inet6']);
    expect(addressFamiliesOf(join(dir, 'absent'))).toEqual(['inet']);
  });
});
