import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectOwners, optionValue } from '../detect-owners.js';

/** A /proc with the given processes and a filesystem root with the given files. */
async function host(
  processes: { pid: number; ppid: number; comm: string; argv: string[] }[],
  files: Record<string, string>,
) {
  const root = await mkdtemp(join(tmpdir(), 'owners-'));
  const proc = join(root, 'proc');
  for (const p of processes) {
    const dir = join(proc, String(p.pid));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'comm'), `${p.comm}\n`);
    await writeFile(join(dir, 'stat'), `${p.pid} (${p.comm}) S ${p.ppid} 1 1 0 -1`);
    await writeFile(join(dir, 'cmdline'), p.argv.join('\0') + '\0');
  }
  const fsRoot = join(root, 'fs');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(fsRoot, path, '..'), { recursive: true });
    await writeFile(join(fsRoot, path), text);
  }
  return { procRoot: proc, fsRoot };
}

describe('detectOwners', () => {
  it('finds keepalived once (not its children), ldirectord and kube-proxy, with what they manage', async () => {
    const paths = await host(
      [
        { pid: 1, ppid: 0, comm: 'init', argv: ['/sbin/init'] },
        {
          pid: 40,
          ppid: 1,
          comm: 'keepalived',
          argv: ['/usr/sbin/keepalived', '-f', '/etc/k/lb.conf', '-n'],
        },
        { pid: 41, ppid: 40, comm: 'keepalived', argv: ['/usr/sbin/keepalived', '-f', '/etc/k/lb.conf'] },
        { pid: 42, ppid: 40, comm: 'keepalived', argv: ['/usr/sbin/keepalived', '-f', '/etc/k/lb.conf'] },
        {
          pid: 50,
          ppid: 1,
          comm: 'ldirectord',
          argv: ['/usr/bin/perl', '-w', '/usr/sbin/ldirectord', 'web.cf', 'start'],
        },
        { pid: 60, ppid: 1, comm: 'kube-proxy', argv: ['kube-proxy', '--proxy-mode=ipvs'] },
        { pid: 70, ppid: 1, comm: 'perl', argv: ['perl', 'other.pl'] },
      ],
      {
        '/etc/k/lb.conf':
          'vrrp_instance VI_1 {\n virtual_ipaddress {\n 10.0.0.100\n }\n}\nvirtual_server 10.0.0.100 80 {\n}\n',
        '/etc/ha.d/web.cf': 'virtual=10.0.0.200:443\n',
      },
    );
    const owners = await detectOwners({ ...paths, localAddresses: () => new Set(['10.0.0.100']) });
    expect(owners).toEqual([
      {
        name: 'keepalived',
        pid: 40,
        config: '/etc/k/lb.conf',
        services: ['tcp:10.0.0.100:80'],
        vrrp: [
          { instance: 'VI_1', configuredState: null, state: 'master', virtualAddresses: ['10.0.0.100'] },
        ],
        note: null,
      },
      {
        name: 'ldirectord',
        pid: 50,
        config: '/etc/ha.d/web.cf',
        services: ['tcp:10.0.0.200:443'],
        vrrp: [],
        note: null,
      },
      { name: 'kube-proxy', pid: 60, config: null, services: 'all', vrrp: [], note: null },
    ]);
  });

  it('says backup when this host holds none of the addresses, and why a picture is incomplete', async () => {
    const paths = await host(
      [
        { pid: 9, ppid: 1, comm: 'keepalived', argv: ['keepalived'] },
        { pid: 10, ppid: 1, comm: 'kube-proxy', argv: ['kube-proxy', '--config', '/var/lib/kp.yaml'] },
      ],
      {
        '/etc/keepalived/keepalived.conf':
          'include /etc/keepalived/conf.d/*.conf\nvrrp_instance A {\n state MASTER\n virtual_ipaddress {\n 10.9.9.9\n }\n}\n',
        '/var/lib/kp.yaml': 'kind: KubeProxyConfiguration\nmode: "iptables"\n',
      },
    );
    const [keepalived, kubeProxy] = await detectOwners({ ...paths, localAddresses: () => new Set() });
    expect(keepalived?.vrrp[0]).toMatchObject({ configuredState: 'master', state: 'backup' });
    expect(keepalived?.note).toBe('includes not read: /etc/keepalived/conf.d/*.conf');
    expect(kubeProxy).toMatchObject({
      services: [],
      note: 'proxy mode iptables: it does not manage IPVS services',
    });
  });

  it('reports an unreadable configuration instead of failing', async () => {
    const paths = await host(
      [{ pid: 9, ppid: 1, comm: 'keepalived', argv: ['keepalived', '--use-file=/nope.conf'] }],
      {},
    );
    const [owner] = await detectOwners({ ...paths, localAddresses: () => new Set() });
    expect(owner).toMatchObject({ name: 'keepalived', config: '/nope.conf', services: [] });
    expect(owner?.note).toMatch(/^cannot read \/nope\.conf: ENOENT/);
  });

  it('reads option values in every spelling', () => {
    expect(optionValue(['k', '-f', 'a'], '-f', '--use-file')).toBe('a');
    expect(optionValue(['k', '-fb'], '-f', '--use-file')).toBe('b');
    expect(optionValue(['k', '--use-file', 'c'], '-f', '--use-file')).toBe('c');
    expect(optionValue(['k', '--use-file=d'], '-f', '--use-file')).toBe('d');
    expect(optionValue(['k', '-n'], '-f', '--use-file')).toBeNull();
  });
});
