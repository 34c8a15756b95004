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
  port: number;
}

export interface RequestResult {
  ok: number;
  failed: number;
}

export interface NatScenario {
  vip: string;
  port: number;
  clientNetns: string;
  clientAddress: string;
  servers: RealServer[];
  /** Makes `count` HTTP requests to VIP:`port` from the client, one at a time, each bounded by a timeout. */
  request(count: number, options?: { port?: number; timeoutSeconds?: number }): RequestResult;
  /** Opens a connection from the client and keeps it open until the returned function is called. */
  holdConnection(): () => void;
  close(): void;
}

const CLIENT_NETNS = 'ktest-client';
const WEB_ROOT = '/tmp/ktest-www';

function ip(...args: string[]): void {
  mustExec('ip', args);
}

function inNetns(netns: string, ...args: string[]): void {
  mustExec('ip', ['netns', 'exec', netns, ...args]);
}

function writeSysctl(path: string, value: string): void {
  writeFileSync(`/proc/sys/${path}`, value);
}

/** veth pair `host`(director side, `hostAddress`) <-> `peer` inside `netns` (`peerAddress`), default route back. */
function link(netns: string, host: string, hostAddress: string, peerAddress: string): void {
  ip('netns', 'add', netns);
  ip('link', 'add', host, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns);
  ip('addr', 'add', `${hostAddress}/24`, 'dev', host);
  ip('link', 'set', host, 'up');
  inNetns(netns, 'ip', 'link', 'set', 'lo', 'up');
  inNetns(netns, 'ip', 'addr', 'add', `${peerAddress}/24`, 'dev', 'eth0');
  inNetns(netns, 'ip', 'link', 'set', 'eth0', 'up');
  // NAT (-m) needs the replies to come back through the director, so it is every namespace's gateway.
  inNetns(netns, 'ip', 'route', 'add', 'default', 'via', hostAddress);
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
export function createNatScenario(serverCount: number, port = 80): NatScenario {
  writeSysctl('net/ipv4/ip_forward', '1');
  writeSysctl('net/ipv4/conf/all/rp_filter', '0');
  const vip = '10.10.0.100';
  ip('addr', 'add', `${vip}/32`, 'dev', 'lo');
  link(CLIENT_NETNS, 'kc0', '10.10.1.1', '10.10.1.2');
  const servers: RealServer[] = [];
  const daemons: ChildProcess[] = [];
  for (let index = 0; index < serverCount; index++) {
    const subnet = 10 + index;
    const server = {
      name: `rs${index + 1}`,
      netns: `ktest-rs${index + 1}`,
      address: `10.10.${subnet}.2`,
      port,
    };
    link(server.netns, `kr${index + 1}`, `10.10.${subnet}.1`, server.address);
    servers.push(server);
    daemons.push(startHttpd(server));
  }
  servers.forEach(waitForHttpd);

  return {
    vip,
    port,
    clientNetns: CLIENT_NETNS,
    clientAddress: '10.10.1.2',
    servers,
    request(count, { port: vipPort = port, timeoutSeconds = 2 } = {}) {
      const url = `http://${vip}:${vipPort}/`;
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
      const args = ['netns', 'exec', CLIENT_NETNS, 'busybox', 'nc', vip, String(port)];
      const child = spawn('ip', args, { stdio: ['pipe', 'ignore', 'ignore'] });
      child.unref();
      return () => {
        child.kill('SIGTERM');
      };
    },
    close() {
      for (const daemon of daemons) daemon.kill('SIGTERM');
      for (const server of servers) shell(`ip netns del ${server.netns}`);
      shell(`ip netns del ${CLIENT_NETNS}; ip addr del ${vip}/32 dev lo`);
      rmSync(WEB_ROOT, { recursive: true, force: true });
    },
  };
}

/** Resolves after `ms` milliseconds (the kernel's rate estimator ticks every 2 s). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
