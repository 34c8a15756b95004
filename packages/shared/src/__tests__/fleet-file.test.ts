import { describe, expect, it } from 'vitest';
import { fleetFileSchema } from '../fleet/index.js';

const token = 'a-peer-token-of-32-characters-xx';

function problems(data: unknown): string[] {
  const parsed = fleetFileSchema.safeParse(data);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the --fleet file', () => {
  it('accepts named directors with a token or a token file, pairs and sites; TLS verified by default', () => {
    const file = fleetFileSchema.parse({
      self: { name: 'lb1', pair: 'edge', site: 'seoul' },
      directors: [
        {
          name: 'lb2',
          url: 'https://lb2.example.com:8080',
          tokenFile: '/etc/ipvs-dashboard/lb2.token',
          pair: 'edge',
          site: 'seoul',
        },
        { name: 'lab', url: 'http://127.0.0.1:9090', token, tlsVerify: false },
      ],
    });
    expect(file.directors[0]!.tlsVerify).toBe(true);
    expect(file.directors[1]!.tlsVerify).toBe(false);
  });

  it('names the field of each mistake', () => {
    expect(problems({ directors: [{ name: 'LB 2', url: 'ftp://x', token }] })).toEqual([
      expect.stringMatching(/^directors\.0\.name: a director name is/),
      'directors.0.url: must start with http:// or https://',
    ]);
    expect(problems({ directors: [{ name: 'lb2', url: 'https://lb2:8080/api', token }] })).toEqual([
      'directors.0.url: must have no path (the agent adds /api/v1/...)',
    ]);
    expect(problems({ directors: [{ name: 'lb2', url: 'https://lb2:8080' }] })).toEqual([
      'directors.0.token: give exactly one of token or tokenFile',
    ]);
    expect(problems({ directors: [{ name: 'lb2', url: 'https://lb2:8080', token: 'short' }] })).toEqual([
      'directors.0.token: a token is at least 16 characters',
    ]);
    expect(
      problems({ directors: [{ name: 'lb2', url: 'https://lb2:8080', token, tlsverify: false }] }),
    ).toEqual([expect.stringMatching(/^directors\.0: Unrecognized key: "tlsverify"/)]);
  });

  it('refuses a name used twice (the local agent included) and a pair of three', () => {
    expect(
      problems({
        self: { name: 'lb1', pair: 'edge' },
        directors: [
          { name: 'lb1', url: 'https://a:1', token, pair: 'edge' },
          { name: 'lb3', url: 'https://b:1', token, pair: 'edge' },
        ],
      }),
    ).toEqual([
      'directors.0.name: the name "lb1" is used twice (this agent is "lb1")',
      'directors: pair "edge" names 3 directors; a pair is two',
    ]);
  });
});
