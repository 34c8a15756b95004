import { describe, expect, it } from 'vitest';
import { findRestoreErrors, parseRestoreText } from '../parse-restore.js';
import { RestoreSyntaxError } from '../restore-error.js';

function errorOf(text: string): RestoreSyntaxError {
  try {
    parseRestoreText(text);
  } catch (error) {
    if (error instanceof RestoreSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe('parse-restore', () => {
  it('accepts ipvsadm prefixes, long options, --opt=value, comments and blank lines', () => {
    const text = [
      '# saved by hand',
      '',
      'ipvsadm --add-service --tcp-service=10.0.0.1:80 --scheduler rr --persistent',
      '  -a -t 10.0.0.1:80 --real-server 10.0.1.2 --masquerading --weight=3 -x 1000 -y 800\r',
      '-e -t 10.0.0.1:80 -r 10.0.1.2 -m -w 0',
      '-A -t 10.0.0.2:80 -s rr -p=30',
    ].join('\n');
    const lines = parseRestoreText(text);
    expect(lines.map((line) => line.line)).toEqual([3, 4, 5, 6]);
    expect(lines[3]?.command).toMatchObject({ service: { persistence: 30 } });
    expect(lines[0]?.command).toMatchObject({
      kind: 'add-service',
      service: { scheduler: 'rr', persistence: 360 },
    });
    expect(lines[1]?.command).toMatchObject({
      kind: 'add-destination',
      destination: { address: '10.0.1.2', port: 80, forwarding: 'masq', weight: 3, upperThreshold: 1000 },
    });
    expect(lines[2]?.command).toMatchObject({ kind: 'edit-destination', destination: { weight: 0 } });
  });

  it('takes what ipvsadm -R takes beyond our API limits, so tables made by other tools restore', () => {
    const [weight, mask] = parseRestoreText(
      '-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 2147483647\n-A -t 10.0.0.2:80 -s rr -p 60 -M 255.0.255.0',
    );
    expect(weight?.command).toMatchObject({ destination: { weight: 2147483647 } });
    expect(mask?.command).toMatchObject({ service: { netmask: '255.0.255.0' } });
    // ipvsadm would read "-M 24" on an IPv4 service as 0.0.0.24 (inet_aton); we refuse the likely mistake.
    expect(() => parseRestoreText('-A -t 10.0.0.3:80 -s rr -p 60 -M 24')).toThrow(/-M: "24" must be a/);
  });

  it('follows ipvsadm for ports, addresses and defaults', () => {
    const [route, fwmarkDest, shorthand, bareV6, daemon, stop, zero, set] = parseRestoreText(
      [
        '-a -t 10.0.0.1:80 -r 10.0.1.2:8080 -g',
        '-a -f 7 -r 10.0.1.2 -i',
        '-A -u 10.1:domain -s rr',
        '-D -t 2001:db8::1',
        '--start-daemon master --syncid 7',
        '--stop-daemon backup',
        '-Z',
        '--set 3600 120 300',
      ].join('\n'),
    ).map((line) => line.command);
    // ipvsadm forces the service port on -g/-i real servers of non-fwmark services.
    expect(route).toMatchObject({ destination: { port: 80, forwarding: 'route', weight: 1 } });
    expect(fwmarkDest).toMatchObject({ destination: { port: 0, forwarding: 'tunnel', tunnelType: 'ipip' } });
    expect(shorthand).toMatchObject({ service: { address: '10.0.0.1', port: 53, protocol: 'udp' } });
    expect(bareV6).toEqual({
      kind: 'delete-service',
      service: { protocol: 'tcp', address: '2001:db8::1', port: 0 },
    });
    expect(daemon).toEqual({
      kind: 'start-daemon',
      daemon: { state: 'master', interface: 'eth0', syncId: 7 },
    });
    expect(stop).toEqual({ kind: 'stop-daemon', state: 'backup' });
    expect(zero).toEqual({ kind: 'zero' });
    expect(set).toEqual({ kind: 'set-timeouts', timeouts: { tcp: 3600, tcpFin: 120, udp: 300 } });
  });

  it('names the line and the problem of every line ipvsadm would refuse', () => {
    const cases: Array<[string, RegExp]> = [
      ['-L -n', /"-L" is not a command/],
      ['-s rr -A -t 10.0.0.1:80', /"-s" is not a command/],
      ['-A -t 10.0.0.1:80 -s rr -s wlc', /-s is given more than once/],
      ['-A -t 10.0.0.1:80 -w 3', /option -w cannot be used with -A/],
      ['-A -t 10.0.0.1:80 --colour', /unknown option --colour/],
      ['-A -t 10.0.0.1:80 rr', /unexpected argument "rr"/],
      ['-A -s rr', /-A needs a service/],
      ['-A -t 10.0.0.1:80 -u 10.0.0.1:80', /only one of/],
      ['-A -t [2001:db8::1] -s rr', /needs a port/],
      ['-A -t www.example.com:80', /host names are not resolved/],
      ['-A -t 10.0.0.1:nosuch', /unknown tcp service name "nosuch"/],
      ['-A -u 10.0.0.1:http', /unknown udp service name "http"/],
      ['-A -t 10.0.0.1:80 -s nosuch', /^line 3: -s: must be one of/],
      ['-A -t 10.0.0.1:0 -s rr', /port 0/],
      ['-A -t 10.0.0.1:80 -o', /-o: one-packet scheduling is only for UDP/],
      ['-A -t 10.0.0.1:80 -s rr -b sh-port', /-b: sh-port only applies to the sh scheduler/],
      ['-A -t 10.0.0.1:80 -p 2678401', /-p: must be a whole number 0-2678400/],
      ['-A -t [2001:db8::1]:80 -p 60 -M 255.255.255.0', /-M: .*IPv6 prefix length/],
      ['-A -f 0', /fwmark must be 1-4294967295/],
      ['-A -t 10.0.0.1:80 -6', /-6 only applies to a fwmark service/],
      ['-a -t 10.0.0.1:80 -m', /-a needs a real server/],
      ['-a -t 10.0.0.1:80 -r 10.0.1.2:80 -w 2147483648', /-w: must be a whole number 0-2147483647/],
      ['-a -t 10.0.0.1:80 -r 10.0.1.2:80 -w heavy', /-w: "heavy" is not a number/],
      ['-a -t 10.0.0.1:80 -r 10.0.1.2:80 -x 5 -y 10', /-y: must not be higher/],
      ['-a -t 10.0.0.1:80 -r 10.0.1.2:80 -g -m', /only one of -g, -m/],
      ['-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m --tun-type gue', /tunnel options only apply with tunnel/],
      ['-a -t 10.0.0.1:80 -r 10.0.1.2:80 -i --tun-type gue', /--tun-port: a gue tunnel needs a tunnel port/],
      [
        '-a -t 10.0.0.1:80 -r 10.0.1.2:80 -i --tun-type gre --tun-remcsum',
        /gre tunnels support nocsum or csum/,
      ],
      ['-a -t 10.0.0.1:80 -r [2001:db8::2]:80 -m', /address: a real server of the other address family/],
      ['-a -t 10.0.0.1:80 -r 10.0.1.2:80 -w', /-w needs a value/],
      ['--set 900 120', /--set needs 3 argument/],
      ['--set 900 x 300', /three timeouts/],
      ['--start-daemon both', /needs master or backup/],
      ['--start-daemon master --syncid 300', /syncId: must be a whole number 0-255/],
      ['--stop-daemon master --mcast-interface eth0', /cannot be used with --stop-daemon/],
    ];
    for (const [line, message] of cases) {
      const error = errorOf(`-A -t 10.9.9.9:80 -s rr\n\n${line}\n`);
      expect(error.line, line).toBe(3);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message, line).toMatch(/^line 3: /);
      expect(error.message, line).toMatch(message);
    }
  });

  it('lists every bad line for an editor, in order', () => {
    const text = '-A -t 10.0.0.1:80 -s rr\n-A -t 10.0.0.2:80 -s nosuch\n# fine\n-a -t 10.0.0.1:80 -r x\n';
    expect(findRestoreErrors(text).map((error) => [error.line, error.message])).toEqual([
      [2, expect.stringMatching(/^line 2: -s: must be one of/)],
      [4, expect.stringMatching(/^line 4: -r: "x" is not an IPv4 or IPv6 address/)],
    ]);
    expect(findRestoreErrors('-C\n')).toEqual([]);
  });
});
