import { describe, expect, it } from 'vitest';
import { formatPolicyLines, parsePolicyLines } from '../policy-lines.js';
import { servicePolicySchema } from '../service-policy.js';

describe('policy lines', () => {
  it('round-trips through an export that ipvsadm would read (only # lines added)', () => {
    const assignments = [
      {
        service: 'tcp:10.0.0.1:80',
        policy: { slowStartSeconds: 30, sorryServer: { address: '10.0.9.9', port: 80 } },
      },
      { service: 'fwmark:7', policy: { slowStartSeconds: 2.5 } },
    ];
    const text = `-A -t 10.0.0.1:80 -s wlc\n${formatPolicyLines(assignments)}\n`;
    expect(text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual([
      '-A -t 10.0.0.1:80 -s wlc',
    ]);
    expect(parsePolicyLines(text)).toEqual([
      { line: 2, ...assignments[0] },
      { line: 3, ...assignments[1] },
    ]);
  });

  it('refuses a malformed line by its number', () => {
    expect(() =>
      parsePolicyLines('\n# ipvs-dashboard policy tcp:10.0.0.1:80 {"slowStartSeconds":-1}'),
    ).toThrow(/line 2: policy slowStartSeconds/);
    expect(() => parsePolicyLines('# ipvs-dashboard policy nonsense {}')).toThrow(/line 1/);
    expect(() => parsePolicyLines('# ipvs-dashboard policy tcp:10.0.0.1:80 {nope')).toThrow(/not valid JSON/);
  });

  it('checks a sorry server like a real server (address, port, forwarding)', () => {
    expect(servicePolicySchema.safeParse({ sorryServer: { address: 'x', port: 80 } }).success).toBe(false);
    expect(
      servicePolicySchema.safeParse({ sorryServer: { address: '10.0.0.9', port: 80, forwarding: 'local' } })
        .success,
    ).toBe(false);
    expect(servicePolicySchema.safeParse({ slowStartSeconds: 3601 }).success).toBe(false);
  });
});
