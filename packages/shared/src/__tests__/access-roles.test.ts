import { describe, expect, it } from 'vitest';
import { permissionFor, refusalFor, type Caller } from '../access-roles.js';

const dest = '/services/tcp%3A10.0.0.1%3A80/destinations/10.0.1.1%3A80';
const viewer: Caller = { name: 'wall', role: 'viewer', services: null };
const operator: Caller = { name: 'oncall', role: 'operator', services: null };
const limited: Caller = { name: 'team-a', role: 'admin', services: ['tcp:10.0.0.1:80'] };

describe('access roles', () => {
  it('asks read for reads, operate for weights, quiesce, drain and zero, administer for the rest', () => {
    expect(permissionFor('GET', '/config', undefined)).toBe('read');
    expect(permissionFor('PATCH', dest, { weight: 3 })).toBe('operate');
    expect(permissionFor('PATCH', dest, { weight: 3, upperThreshold: 9 })).toBe('administer');
    expect(permissionFor('PATCH', dest, {})).toBe('administer');
    expect(permissionFor('POST', `${dest}/quiesce`, undefined)).toBe('operate');
    expect(permissionFor('POST', `${dest}/drain`, {})).toBe('operate');
    expect(permissionFor('DELETE', `${dest}/drain`, {})).toBe('operate');
    expect(permissionFor('POST', '/services/tcp%3A10.0.0.1%3A80/zero', undefined)).toBe('operate');
    expect(permissionFor('POST', '/zero', undefined)).toBe('operate');
    expect(permissionFor('PUT', '/config', 'text')).toBe('administer');
    expect(permissionFor('POST', '/clear', { confirm: 'clear' })).toBe('administer');
    expect(permissionFor('DELETE', dest, undefined)).toBe('administer');
  });

  it('says which token, which role and what it needs', () => {
    expect(refusalFor(viewer, 'GET', '/services', undefined)).toBeNull();
    expect(refusalFor(viewer, 'PATCH', dest, { weight: 1 })).toBe(
      'The token "wall" (viewer) may only read; this request needs an operator token.',
    );
    expect(refusalFor(operator, 'PATCH', dest, { weight: 1 })).toBeNull();
    expect(refusalFor(operator, 'PUT', '/config', '')).toMatch(
      /\(operator\) may change weights.*needs an admin token/,
    );
  });

  it('keeps a limited token to its services and off whole-table changes', () => {
    expect(refusalFor(limited, 'DELETE', dest, undefined)).toBeNull();
    expect(refusalFor(limited, 'DELETE', '/services/tcp%3A10.0.0.2%3A80', undefined)).toMatch(
      /limited to tcp:10.0.0.1:80; tcp:10.0.0.2:80 is not one of them/,
    );
    expect(refusalFor(limited, 'PUT', '/config', '')).toMatch(/whole table need a token without that limit/);
    expect(refusalFor(limited, 'GET', '/services/tcp%3A10.0.0.2%3A80', undefined)).toBeNull();
  });
});
