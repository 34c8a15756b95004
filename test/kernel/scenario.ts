// A real load-balanced network inside the guest: a client namespace, the director (the guest's root
// namespace, holding the VIP on lo) and real-server namespaces running `busybox httpd`, all joined by veth
// pairs. Every address is private to the guest (10.10.0.0/16). Used to push real traffic through IPVS.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mustExec, shell } from './lib/exec.js';

export interface RealServer {
  name: string;
  netns: string;
  /** Address the director reaches it at (use it in `ipvsadm -a -r`). */
  address: string;
  /** Its IPv6 address (2001:db8:<10+i>::2), for IPv6 services. */
  address6: string;
  port: number;
}

export interface RequestResult {
  ok: number;
  failed: number;
}

export interface NatScenario {
  vip: string;
  /** The IPv6 VIP (2001:db8::100), also on the director's lo. */
  vip6: string;
  port: number;
  clientNetns: string;
  clientAddress: string;
  servers: RealServer[];
  /** Makes `count` HTTP requests to VIP:`port` from the client, one at a time, each bounded by a timeout. */
  request(count: number, options?: { port?: number; timeoutSeconds?: number; ipv6?: boolean }): RequestResult;
  /** Opens a connection from the client and keeps it open until the returned function is called. */
  holdConnection(): () => void;
  close(): void;
}

const CLIENT_NETNS = 'ktest-client';
const WEB_ROOT = '/tmp/ktest-www';
const VIP = '10.10.0.100';
const VIP6 = '2001:db8::100';

function ip(...args: string[]): void {
  mustExec('ip', args);
}

function inNetns(netns: string, ...args: string[]): void {
  mustExec('ip', ['netns', 'exec', netns, ...args]);
}

function writeSysctl(path: string, value: string): void {
  writeFileSync(`/proc/sys/${path}`, value);
}

/**
 * veth pair `host` (director side) <-> eth0 inside `netns`, subnet 10.10.<n>.0/24 and 2001:db8:<n>::/64
 * (director .1/::1, namespace .2/::2), with the namespace's default routes through the director.
 */
function link(netns: string, host: string, subnet: number): void {
  ip('netns', 'add', netns);
  ip('link', 'add', host, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns);
  // nodad: duplicate address detection would hold IPv6 addresses "tentative" for a second or more.
  ip('addr', 'add', `10.10.${subnet}.1/24`, 'dev', host);
  ip('addr', 'add', `2001:db8:${subnet}::1/64`, 'dev', host, 'nodad');
  ip('link', 'set', host, 'up');
  inNetns(netns, 'ip', 'link', 'set', 'lo', 'up');
  inNetns(netns, 'ip', 'addr', 'add', `10.10.${subnet}.2/24`, 'dev', 'eth0');
  inNetns(netns, 'ip', 'addr', 'add', `2001:db8:${subnet}::2/64`, 'dev', 'eth0', 'nodad');
  inNetns(netns, 'ip', 'link', 'set', 'eth0', 'up');
  // NAT (-m) needs the replies to come back through the director, so it is every namespace's gateway.
  inNetns(netns, 'ip', 'route', 'add', 'default', 'via', `10.10.${subnet}.1`);
  inNetns(netns, 'ip', '-6', 'route', 'add', 'default', 'via', `2001:db8:${subnet}::1`);
}

/** One bounded HTTP GET. Debian 12's busybox wget crashes (SIGSEGV) with -T, so `busybox timeout` bounds it. */
function wget(url: string, timeoutSeconds: number): string {
  return `busybox timeout ${timeoutSeconds} busybox wget -q -O /dev/null ${url}`;
}

function startHttpd(server: RealServer): ChildProcess {
  const root = `${WEB_ROOT}/${server.name}`;
  mkdirSync(root, { recursive: true });
  writeFileSync(`${root}/index.html`, `served by ${server.name}\n`);
  const args = [
    'netns',
    'exec',
    server.netns,
    'busybox',
    'httpd',
    '-f',
    '-p',
    String(server.port),
    '-h',
    root,
  ];
  const child = spawn('ip', args, { stdio: 'ignore' });
  // The suite's single process must be able to exit even if a test forgets close().
  child.unref();
  return child;
}

function waitForHttpd(server: RealServer): void {
  const url = `http://${server.address}:${server.port}/`;
  const probe = `for i in 1 2 3 4 5 6 7 8 9 10; do ${wget(url, 1)} && exit 0; sleep 0.2; done; exit 1`;
  const result = shell(probe);
  if (result.code !== 0) throw new Error(`httpd of ${server.name} does not answer at ${url}`);
}

/** Builds the network with `serverCount` real servers; call close() to remove every trace of it. */
/** Removes every trace a scenario may leave (also of one that failed half-way); safe to call twice. */
function removeScenario(serverCount: number, daemons: ChildProcess[]): void {
  for (const daemon of daemons) daemon.kill('SIGTERM');
  for (let index = 1; index <= serverCount; index++) shell(`ip netns del ktest-rs${index} 2>/dev/null`);
  shell(
    `ip netns del ${CLIENT_NETNS} 2>/dev/null; ip addr del ${VIP}/32 dev lo 2>/dev/null; ip addr del ${VIP6}/128 dev lo 2>/dev/null`,
  );
  rmSync(WEB_ROOT, { recursive: true, force: true });
}

function buildNetwork(serverCount: number, port: number, daemons: ChildProcess[]): RealServer[] {
  writeSysctl('net/ipv4/ip_forward', '1');
  writeSysctl('net/ipv4/conf/all/rp_filter', '0');
  writeSysctl('net/ipv6/conf/all/forwarding', '1');
  ip('addr', 'add', `${VIP}/32`, 'dev', 'lo');
  ip('addr', 'add', `${VIP6}/128`, 'dev', 'lo', 'nodad');
  link(CLIENT_NETNS, 'kc0', 1);
  const servers: RealServer[] = [];
  for (let index = 0; index < serverCount; index++) {
    const subnet = 10 + index;
    const server: RealServer = {
      name: `rs${index + 1}`,
      netns: `ktest-rs${index + 1}`,
      address: `10.10.${subnet}.2`,
      address6: `2001:db8:${subnet}::2`,
      port,
    };
    link(server.netns, `kr${index + 1}`, subnet);
    servers.push(server);
    daemons.push(startHttpd(server));
  }
  servers.forEach(waitForHttpd);
  return servers;
}

/** Builds the network with `serverCount` real servers; call close() to remove every trace of it. */
export function createNatScenario(serverCount: number, port = 80): NatScenario {
  const daemons: ChildProcess[] = [];
  let servers: RealServer[];
  try {
    servers = buildNetwork(serverCount, port, daemons);
  } catch (error) {
    removeScenario(serverCount, daemons);
    throw error;
  }

  return {
    vip: VIP,
    vip6: VIP6,
    port,
    clientNetns: CLIENT_NETNS,
    clientAddress: '10.10.1.2',
    servers,
    request(count, { port: vipPort = port, timeoutSeconds = 2, ipv6 = false } = {}) {
      const url = `http://${ipv6 ? `[${VIP6}]` : VIP}:${vipPort}/`;
      const loop =
        `ok=0; i=0; while [ $i -lt ${count} ]; do ` +
        `${wget(url, timeoutSeconds)} && ok=$((ok+1)); i=$((i+1)); done; echo $ok`;
      const result = shell(`ip netns exec ${CLIENT_NETNS} sh -c '${loop}'`, {
        timeoutMs: (count * (timeoutSeconds + 1) + 5) * 1000,
      });
      const ok = Number(result.stdout.trim() || '0');
      return { ok, failed: count - ok };
    },
    holdConnection() {
      // `nc` keeps the TCP connection ESTABLISHED (an active connection in IPVS) while stdin stays open.
      const args = ['netns', 'exec', CLIENT_NETNS, 'busybox', 'nc', VIP, String(port)];
      const child = spawn('ip', args, { stdio: ['pipe', 'ignore', 'ignore'] });
      child.unref();
      return () => {
        child.kill('SIGTERM');
      };
    },
    close() {
      removeScenario(serverCount, daemons);
    },
  };
}
