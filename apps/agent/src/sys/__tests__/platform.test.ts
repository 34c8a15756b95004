import { describe, expect, it } from 'vitest';
import { platformProblem } from '../platform.js';

describe('platform', () => {
  it('runs the kernel backend on 64-bit little-endian Linux only, and says why not elsewhere', () => {
    expect(platformProblem({ platform: 'linux', arch: 'x64', endianness: 'LE' })).toBeNull();
    expect(platformProblem({ platform: 'linux', arch: 'arm64', endianness: 'LE' })).toBeNull();
    expect(platformProblem({ platform: 'linux', arch: 's390x', endianness: 'BE' })).toMatch(
      /64-bit little-endian.*s390x BE/,
    );
    expect(platformProblem({ platform: 'linux', arch: 'ia32', endianness: 'LE' })).toMatch(/ia32/);
    expect(platformProblem({ platform: 'darwin', arch: 'arm64', endianness: 'LE' })).toMatch(
      /Linux facility/,
    );
  });
});
