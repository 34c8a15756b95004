// Search of connection rows by address and port, as typed: "10.0.0.7", "10.0.0.7:51234", ":443",
// "2001:db8::5" or "[2001:db8::5]:80". A row matches when the text is part of one of its endpoints.
import { endpointText, type Connection, type ConnectionSearchScope } from '@ipvs-dashboard/shared';

function endpointsOf(c: Connection, scope: ConnectionSearchScope): string[] {
  const client = endpointText(c.clientAddress, c.clientPort);
  const virtual = c.fwmark !== null ? `fwmark ${c.fwmark}` : endpointText(c.virtualAddress, c.virtualPort);
  const destination = endpointText(c.destAddress, c.destPort);
  if (scope === 'client') return [client];
  if (scope === 'virtual') return [virtual];
  if (scope === 'destination') return [destination];
  return [client, virtual, destination];
}

/** A predicate for the search text (lower-cased; IPv6 is printed in lower case), or null for no search. */
export function connectionSearch(
  text: string | undefined,
  scope: ConnectionSearchScope,
): ((c: Connection) => boolean) | null {
  const wanted = text?.trim().toLowerCase();
  if (!wanted) return null;
  return (c) => endpointsOf(c, scope).some((endpoint) => endpoint.includes(wanted));
}
