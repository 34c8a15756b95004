// Port names `ipvsadm -S` (without -n) prints, from Debian netbase's /etc/services. ipvsadm resolves
// them with getservbyname/getservbyport for the service's protocol; we carry a small table because
// the shared package has no resolver (it runs in the browser).
import type { Protocol } from '../model.js';

type Entry = [name: string, port: number, protocols: string, aliases?: string[]];

// prettier-ignore
const entries: Entry[] = [
  ['ftp-data', 20, 't'], ['ftp', 21, 't'], ['ssh', 22, 't'], ['telnet', 23, 't'], ['smtp', 25, 't', ['mail']],
  ['domain', 53, 'tu'], ['http', 80, 't', ['www']], ['kerberos', 88, 'tu', ['kerberos5', 'krb5']],
  ['pop3', 110, 't', ['pop-3']], ['ntp', 123, 'u'], ['imap2', 143, 't', ['imap']], ['snmp', 161, 'tu'],
  ['snmp-trap', 162, 'tu', ['snmptrap']], ['bgp', 179, 't'], ['ldap', 389, 'tu'], ['https', 443, 'tu'],
  ['microsoft-ds', 445, 't'], ['syslog', 514, 'u'], ['submission', 587, 't'], ['ldaps', 636, 'tu'],
  ['domain-s', 853, 'tu'], ['rsync', 873, 't'], ['imaps', 993, 't'], ['pop3s', 995, 't'],
  ['openvpn', 1194, 'tu'], ['ms-sql-s', 1433, 't'], ['radius', 1812, 'tu'], ['radius-acct', 1813, 'tu', ['radacct']],
  ['nfs', 2049, 'tu'], ['mysql', 3306, 't'], ['sip', 5060, 'tu'], ['sip-tls', 5061, 'tu'],
  ['xmpp-client', 5222, 't', ['jabber-client']], ['mdns', 5353, 'u'], ['postgresql', 5432, 't', ['postgres']],
  ['amqp', 5672, 'ts'], ['redis', 6379, 't'], ['syslog-tls', 6514, 't'], ['ircd', 6667, 't'],
  ['http-alt', 8080, 't', ['webcache']], ['tproxy', 8081, 't'], ['git', 9418, 't'],
];

const protocolLetter: Record<Protocol, string> = { tcp: 't', udp: 'u', sctp: 's' };

/** The port a service name stands for under that protocol, or null (like getservbyname). */
export function portOfServiceName(name: string, protocol: Protocol): number | null {
  const letter = protocolLetter[protocol];
  const entry = entries.find(
    ([primary, , protocols, aliases]) =>
      protocols.includes(letter) && (primary === name || (aliases ?? []).includes(name)),
  );
  return entry ? entry[1] : null;
}

/** The name ipvsadm -S prints for a port, or null when it prints the number (like getservbyport). */
export function serviceNameOfPort(port: number, protocol: Protocol): string | null {
  const letter = protocolLetter[protocol];
  return (
    entries.find(([, entryPort, protocols]) => entryPort === port && protocols.includes(letter))?.[0] ?? null
  );
}
