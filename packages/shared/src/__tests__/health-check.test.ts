import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { formatCheckLines, parseCheckLines } from '../health/check-lines.js';
import { healthCheckSchema, type HealthCheck } from '../health/health-check.js';
import { parseOrThrow } from '../schemas/parse.js';

const http: HealthCheck = {
  kind: 'http',
  intervalSeconds: 2,
  timeoutSeconds: 0.5,
  rise: 2,
  fall: 3,
  path: '/healthz',
  expectStatus: [200, 204],
  bodyContains: 'ok',
  host: 'www.example.com',
};

const problem = (body: unknown) => {
  try {
    parseOrThrow(healthCheckSchema, body);
  } catch (error) {
    return (error as AppError).message;
  }
  return null;
};

describe('health-check', () => {
  it('takes every kind with fractional seconds', () => {
    expect(problem(http)).toBeNull();
    expect(
      problem({ kind: 'tcp', intervalSeconds: 0.5, timeoutSeconds: 0.25, rise: 1, fall: 1, port: 8080 }),
    ).toBeNull();
    expect(problem({ ...http, kind: 'https', verifyTls: true })).toBeNull();
    expect(
      problem({
        kind: 'command',
        intervalSeconds: 5,
        timeoutSeconds: 3,
        rise: 1,
        fall: 2,
        command: 'exit 0',
      }),
    ).toBeNull();
  });

  it('names the field and what it must be', () => {
    expect(problem({ ...http, timeoutSeconds: 3 })).toBe(
      'timeoutSeconds: must not be longer than intervalSeconds (one check at a time per real server)',
    );
    expect(problem({ ...http, rise: 0 })).toBe('rise: must be a whole number 1-100');
    expect(problem({ kind: 'command', intervalSeconds: 5, timeoutSeconds: 3, rise: 1, fall: 2 })).toBe(
      'command: is required for a command check',
    );
    expect(problem({ kind: 'tcp', intervalSeconds: 5, timeoutSeconds: 3, rise: 1, fall: 2, path: '/' })).toBe(
      'path: is only for kind "http" or "https"',
    );
    expect(problem({ ...http, expectStatus: [700] })).toBe('expectStatus.0: must be an HTTP status 100-599');
    expect(problem({ ...http, kind: 'ping' })).toBe('kind: must be tcp, http, https or command');
    expect(problem({ ...http, interval: 2 })).toBe('interval: is not a known field; check the spelling');
  });

  it('travels in # lines that round-trip and that an ipvsadm text can carry', () => {
    const assignments = [
      { service: 'tcp:10.0.0.1:80', destination: null, check: http },
      {
        service: 'tcp:[2001:db8::1]:80',
        destination: '[2001:db8::10]:80',
        check: { kind: 'tcp', intervalSeconds: 1, timeoutSeconds: 1, rise: 1, fall: 1 } as HealthCheck,
      },
    ];
    const text = `-A -t 10.0.0.1:80 -s wlc\n${formatCheckLines(assignments)}\n`;
    expect(text.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(2);
    expect(parseCheckLines(text)).toEqual(assignments.map((a, i) => ({ ...a, line: i + 2 })));
  });

  it('refuses a malformed check line by its number', () => {
    expect(() =>
      parseCheckLines('-A -t 10.0.0.1:80\n# ipvs-dashboard check tcp:10.0.0.1:80 {"kind":"tcp"}\n'),
    ).toThrow(/^line 2: check intervalSeconds:/);
    expect(() => parseCheckLines('# ipvs-dashboard check nonsense {"kind":"tcp"}')).toThrow(/^line 1:/);
    // Other comments are nobody's business here.
    expect(parseCheckLines('# saved by ipvsadm\n-A -t 10.0.0.1:80\n')).toEqual([]);
  });
});
