import { vi } from 'vitest';

// A fetch that answers from one handler by method and URL; a request it does not answer is refused, so a
// component asking for something the test did not plan shows up as an error on screen.
export interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type StubHandler = (method: string, url: string, body: string | undefined) => StubAnswer | undefined;

export function stubFetch(handler: StubHandler) {
  const fetch = vi.fn((url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const answer = handler(method, url, typeof init.body === 'string' ? init.body : undefined);
    if (!answer) return Promise.reject(new Error(`unplanned request ${method} ${url}`));
    const text = answer.status === 204 || answer.body === undefined ? null : JSON.stringify(answer.body);
    return Promise.resolve(
      new Response(text, {
        status: answer.status,
        headers: { 'content-type': 'application/json', ...answer.headers },
      }),
    );
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The requests a stub saw, as "METHOD url" lines (with the body when there was one). */
export function requestsOf(fetch: ReturnType<typeof stubFetch>): string[] {
  return fetch.mock.calls.map(([url, init]) => {
    const body = typeof init?.body === 'string' ? ` ${init.body}` : '';
    return `${init?.method ?? 'GET'} ${url}${body}`;
  });
}
