// Everything ipvsadm can tell about the table, as text: two tables are the same to a user when this is.
// -Sn alone drops thresholds and tunnel settings (ipvsadm 1.31 save format), hence the extra listings.
import { mustIpvsadm } from '../ipvsadm.js';

const LISTINGS = [
  ['-Sn'],
  ['-Ln', '--thresholds'],
  ['-Ln', '--persistent-conn'],
  ['-Ln', '--tun-info'],
  ['-Ln', '--timeout'],
  ['-Ln', '--daemon'],
];

export function tableText(): string {
  return LISTINGS.map((args) => `$ ipvsadm ${args.join(' ')}\n${mustIpvsadm(args)}`).join('');
}
