// The agent's REST API as the tests see it, with the bearer token (no browser session involved).
export function apiClient(agent) {
  const request = async (method, path, body) => {
    const headers = { authorization: `Bearer ${agent.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${agent.origin}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    async service(sid) {
      return request('GET', `/services/${encodeURIComponent(sid)}`);
    },
    async destination(sid, did) {
      const service = await request('GET', `/services/${encodeURIComponent(sid)}`);
      const found = service.destinations.find((d) => `${d.address}:${d.port}` === did);
      if (!found) throw new Error(`no real server ${did} in ${sid}`);
      return found;
    },
  };
}
