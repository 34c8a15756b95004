// One try of one webhook: POST the JSON body, wait for the status, read nothing else. Uses Node's fetch,
// which verifies TLS certificates against the system's CAs (there is no switch to turn that off here).
export type PostOutcome = { ok: true; status: number } | { ok: false; status: number | null; detail: string };

export type PostJson = (
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
  /** Aborted when the agent stops: a request to a hung receiver must not keep the process alive. */
  stop?: AbortSignal,
) => Promise<PostOutcome>;

/** The reason under fetch's "fetch failed": ECONNREFUSED, a certificate error, a timeout. */
function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer within the timeout';
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

export const postJson: PostJson = async (url, body, headers, timeoutMs, stop) => {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'user-agent': 'ipvs-dashboard-agent', ...headers, 'content-type': 'application/json' },
      body,
      redirect: 'error',
      signal: stop ? AbortSignal.any([stop, timeout]) : timeout,
    });
    // The answer's body is not used; cancelling frees the connection for the next event.
    await response.body?.cancel();
    if (response.ok) return { ok: true, status: response.status };
    return { ok: false, status: response.status, detail: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, status: null, detail: reasonOf(error) };
  }
};
