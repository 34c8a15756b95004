import { describe, expect, it } from 'vitest';
import {
  destinationForServiceProblem,
  destinationInputSchema,
  serviceInputSchema,
  serviceSettingsProblem,
  healthCheckSchema,
  timeoutsSchema,
} from '@ipvs-dashboard/shared';
import { translate } from '../../i18n/i18n-context';
import { schemaProblems } from '../use-form-check';
import { translateProblem, withoutFieldName } from '../translate-problem';

const service = {
  protocol: 'tcp',
  address: '10.0.0.1',
  port: 80,
  scheduler: 'wlc',
  schedulerFlags: [],
  persistence: 0,
  persistenceEngine: null,
  onePacket: false,
};
const server = { address: '10.0.1.1', port: 80, weight: 1 };
const v4 = { protocol: 'tcp', address: '10.0.0.1', port: 80 } as const;

/** Every sentence the shared schemas say about a form field, from bad input of each kind the forms take. */
function sentences(): string[] {
  const out: string[] = [];
  const add = (schema: Parameters<typeof schemaProblems>[0], input: object) =>
    out.push(...schemaProblems(schema, input).problems.values());
  add(serviceInputSchema, { ...service, address: '10.0.0.300', port: Number.NaN, persistence: -1 });
  add(serviceInputSchema, { ...service, address: '' });
  add(serviceInputSchema, { ...service, netmask: '255.0.255.0', persistence: 60 });
  add(serviceInputSchema, { ...service, address: '2001:db8::1', netmask: '200', persistence: 60 });
  add(serviceInputSchema, { ...service, port: 0 });
  add(serviceInputSchema, { ...service, onePacket: true });
  add(serviceInputSchema, { ...service, schedulerFlags: ['sh-port'] });
  add(serviceInputSchema, { ...service, scheduler: 'sh', schedulerFlags: ['sh-port', 'sh-port'] });
  add(serviceInputSchema, { protocol: 'fwmark', fwmark: 0, family: 'inet' });
  add(destinationInputSchema, { ...server, weight: 1.5, upperThreshold: -1 });
  add(destinationInputSchema, { ...server, upperThreshold: 5, lowerThreshold: 10 });
  add(destinationInputSchema, { ...server, forwarding: 'tunnel', tunnelType: 'gue' });
  add(destinationInputSchema, { ...server, forwarding: 'tunnel', tunnelType: 'gre', tunnelPort: 1 });
  add(destinationInputSchema, {
    ...server,
    forwarding: 'tunnel',
    tunnelType: 'ipip',
    tunnelChecksum: 'csum',
  });
  add(destinationInputSchema, {
    ...server,
    forwarding: 'tunnel',
    tunnelType: 'gre',
    tunnelChecksum: 'remcsum',
  });
  add(destinationInputSchema, { ...server, forwarding: 'masq', tunnelType: 'gue', tunnelPort: 6080 });
  add(timeoutsSchema, { tcp: Number.NaN, tcpFin: 0, udp: 0 });
  const check = { kind: 'http', intervalSeconds: 2, timeoutSeconds: 1, rise: 2, fall: 3 };
  add(healthCheckSchema, { ...check, intervalSeconds: Number.NaN, rise: 0, port: 0, path: 'x y' });
  add(healthCheckSchema, { ...check, timeoutSeconds: 5, expectStatus: [99], host: 'a b' });
  add(healthCheckSchema, { ...check, expectStatus: [] });
  add(healthCheckSchema, { ...check, kind: 'command' });
  add(healthCheckSchema, { ...check, kind: 'command', command: '' });
  out.push(destinationForServiceProblem(v4, { address: '2001:db8::2', port: 80, forwarding: 'masq' })![1]);
  out.push(
    serviceSettingsProblem(v4, {
      ...service,
      persistence: 0,
      netmask: '1.2.3.4',
      persistenceEngine: null,
    })![1],
  );
  out.push(withoutFieldName('value: drop_entry must be 0-3', 'value'));
  return out;
}

describe('translate-problem', () => {
  it('has a Korean sentence for every problem the shared schemas report on a form field', () => {
    const found = sentences();
    expect(found.length).toBeGreaterThan(18);
    for (const sentence of found) {
      const korean = translateProblem(sentence, (key, params) => translate('ko', key, params));
      expect(korean, sentence).not.toBe(sentence);
      expect(korean, sentence).not.toMatch(/\{\w+\}/);
    }
  });

  it('keeps the numbers of a range and drops the API field name the agent puts in front', () => {
    const english = (message: string) =>
      translateProblem(message, (key, params) => translate('en', key, params));
    expect(english('must be a whole number 0-65535')).toBe('Enter a whole number from 0 to 65535.');
    expect(english(withoutFieldName('port: must be a whole number 0-65535', 'port'))).toBe(
      'Enter a whole number from 0 to 65535.',
    );
    expect(english('something new the agent says')).toBe('something new the agent says');
  });
});
