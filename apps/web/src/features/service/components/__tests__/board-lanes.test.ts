import { describe, expect, it } from 'vitest';
import { destination, service } from '../../../../testing/fixtures';
import {
  drainState,
  needsTemplateWarning,
  rememberWeight,
  rememberedWeight,
  splitLanes,
} from '../board-lanes';

describe('board-lanes', () => {
  it('puts weight-0 servers in Quiesced and the rest in Active', () => {
    const lanes = splitLanes([
      destination('10.0.0.1', { weight: 3 }),
      destination('10.0.0.2', { weight: 0 }),
    ]);
    expect(lanes.active.map((d) => d.address)).toEqual(['10.0.0.1']);
    expect(lanes.quiesced.map((d) => d.address)).toEqual(['10.0.0.2']);
  });

  it('says draining while any connection or template is left, then drained', () => {
    expect(drainState(destination('a', { weight: 0, activeConns: 2 }))).toBe('draining');
    expect(drainState(destination('a', { weight: 0, persistentConns: 1 }))).toBe('draining');
    expect(drainState(destination('a', { weight: 0 }))).toBe('drained');
    expect(drainState(destination('a', { weight: 2 }))).toBe('serving');
  });

  it('warns only for persistent services while expire_quiescent_template is 0', () => {
    expect(needsTemplateWarning(service('10.0.0.1', { persistence: 300 }), 0)).toBe(true);
    expect(needsTemplateWarning(service('10.0.0.1', { persistence: 300 }), 1)).toBe(false);
    expect(needsTemplateWarning(service('10.0.0.1', { persistence: 0 }), 0)).toBe(false);
    expect(needsTemplateWarning(service('10.0.0.1', { persistence: 300 }), undefined)).toBe(false);
  });

  it('remembers the weight a server had before it was quiesced', () => {
    rememberWeight('tcp:10.0.0.1:80', destination('10.9.0.1', { weight: 7 }));
    expect(rememberedWeight('tcp:10.0.0.1:80', '10.9.0.1:80')).toBe(7);
    expect(rememberedWeight('tcp:10.0.0.1:80', '10.9.0.2:80')).toBe(1);
  });
});
