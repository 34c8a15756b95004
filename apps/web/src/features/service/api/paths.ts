/** URL paths of one service and one of its real servers; ids are always encoded (docs/api.md). */
export function servicePath(sid: string): string {
  return `/services/${encodeURIComponent(sid)}`;
}

export function destinationPath(sid: string, did: string): string {
  return `${servicePath(sid)}/destinations/${encodeURIComponent(did)}`;
}
