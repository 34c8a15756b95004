/**
 * `10.0.0.7:80`, `[2001:db8::5]:80`: how the Connections screen prints an endpoint, and so the text the
 * agent's search looks in, so that whatever is seen on the screen can be typed into the search box.
 */
export function endpointText(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
