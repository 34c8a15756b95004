import { ApiError } from './api-error';
import { noteSessionStatus } from './session-state';

// The one way the app talks HTTP to the agent: JSON in and out, errors turned into ApiError with the
// agent's code, sentence and field. The session cookie (set by /?token=...) rides along same-origin.
export const API_BASE = '/api/v1';

/** A request body; `prefer` is sent as the Prefer header (RFC 7240), e.g. `return=minimal`. */
type Body = (({ json: unknown } | { text: string }) & { prefer?: string }) | undefined;

interface ErrorShape {
  error?: { code?: string; message?: string; field?: string; details?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  let parsed: ErrorShape | undefined;
  try {
    parsed = (await response.json()) as ErrorShape;
  } catch {
    parsed = undefined;
  }
  const error = parsed?.error;
  return new ApiError(
    (error?.code as ApiError['code'] | undefined) ?? 'INTERNAL',
    error?.message ?? `${response.status} ${response.statusText}`,
    response.status,
    error?.field,
    error?.details,
  );
}

export async function apiRequest(method: string, path: string, body?: Body): Promise<Response> {
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body && 'text' in body) {
    headers['content-type'] = 'text/plain';
    payload = body.text;
  }
  if (body?.prefer) headers.prefer = body.prefer;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError('NETWORK', cause instanceof Error ? cause.message : 'Network error', 0);
  }
  noteSessionStatus(response.status);
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function bodyOf<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export async function apiJson<T>(method: string, path: string, json?: unknown): Promise<T> {
  return bodyOf<T>(await apiRequest(method, path, json === undefined ? undefined : { json }));
}

/**
 * A mutation's answer: its body, the change log entry it made (`X-Change-Id`, null for a no-op) and the
 * table generation it produced (`ETag`), so the UI can offer Undo for exactly this change.
 */
export interface Changed<T> {
  body: T;
  changeId: string | null;
  etag: string | null;
}

export async function changeRequest<T>(method: string, path: string, body?: Body): Promise<Changed<T>> {
  const response = await apiRequest(method, path, body);
  return {
    body: await bodyOf<T>(response),
    changeId: response.headers.get('x-change-id'),
    etag: response.headers.get('etag'),
  };
}

/** The mutations, with their answer's change id (see Changed). */
export const change = {
  post: <T>(path: string, json?: unknown) => changeRequest<T>('POST', path, { json: json ?? {} }),
  patch: <T>(path: string, json: unknown) => changeRequest<T>('PATCH', path, { json }),
  put: <T>(path: string, json: unknown) => changeRequest<T>('PUT', path, { json }),
  delete: (path: string) => changeRequest<undefined>('DELETE', path),
};

/** Reads. Changes go through `change`, so none can leave out the id its Undo needs. */
export const api = {
  get: <T>(path: string) => apiJson<T>('GET', path),
};
