import { AppError } from '@ipvs-dashboard/shared';

interface ApiAnswer {
  status?: string;
  error?: string;
  data?: { result?: unknown[] };
}

/** Prometheus's JSON envelope, or null when the body is not JSON (a proxy's error page, say). */
function parseAnswer(text: string): ApiAnswer | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/** One series of a query_range answer: its labels and [seconds, "value"] pairs. */
export interface RangeSeries {
  metric: Record<string, string>;
  values: [number, string][];
}

/** One series of an instant query answer. */
export interface InstantSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface PrometheusClientOptions {
  /** A slow Prometheus fails the request rather than holding it (and the browser's chart) open. */
  timeoutMs: number;
  /**
   * An answer larger than this is refused before it is parsed: JSON.parse of a body blocks the event loop
   * (about 10 ms a megabyte), and a chart of a few hundred points per series never needs megabytes.
   */
  maxBodyBytes: number;
}

const defaults: PrometheusClientOptions = { timeoutMs: 10_000, maxBodyBytes: 4 * 1024 * 1024 };

/**
 * Prometheus's HTTP API (/api/v1/query, /api/v1/query_range), read with Node's fetch. Credentials in the
 * URL (http://user:password@host) become a Basic Authorization header; errors name the URL without them.
 */
export class PrometheusClient {
  private readonly base: URL;
  private readonly authorization: string | null;
  private readonly options: PrometheusClientOptions;
  /** The URL as errors and logs show it: no user, no password. */
  readonly shownUrl: string;

  constructor(url: string, options: Partial<PrometheusClientOptions> = {}) {
    const base = new URL(url.endsWith('/') ? url : `${url}/`);
    this.authorization =
      base.username || base.password
        ? `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`
        : null;
    base.username = '';
    base.password = '';
    this.base = base;
    this.shownUrl = base.href.replace(/\/$/, '');
    this.options = { ...defaults, ...options };
  }

  async queryRange(query: string, startMs: number, endMs: number, stepMs: number): Promise<RangeSeries[]> {
    const data = await this.call('api/v1/query_range', {
      query,
      start: String(startMs / 1000),
      end: String(endMs / 1000),
      step: String(stepMs / 1000),
    });
    return data.result as RangeSeries[];
  }

  async query(query: string, atMs: number): Promise<InstantSample[]> {
    const data = await this.call('api/v1/query', { query, time: String(atMs / 1000) });
    return data.result as InstantSample[];
  }

  private async call(path: string, parameters: Record<string, string>): Promise<{ result: unknown[] }> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (this.authorization) headers.authorization = this.authorization;
    let response: Response;
    let text: string;
    try {
      // POST: a query naming many real servers can outgrow a URL; Prometheus takes both.
      response = await fetch(new URL(path, this.base), {
        method: 'POST',
        headers,
        body: new URLSearchParams(parameters).toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await this.readCapped(response);
    } catch (error) {
      if (error instanceof AppError) throw error;
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new AppError(
          'PROMETHEUS_TIMEOUT',
          `Prometheus at ${this.shownUrl} did not answer within ${this.options.timeoutMs / 1000} s. Try a shorter range; the live 15 minutes still work.`,
          { cause: error },
        );
      }
      const cause =
        error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new AppError(
        'PROMETHEUS_UNAVAILABLE',
        `Prometheus at ${this.shownUrl} could not be reached (${cause}). Is it running, and is --prometheus-url right? The live 15 minutes still work.`,
        { cause: error },
      );
    }
    const body = parseAnswer(text);
    if (!response.ok || body?.status !== 'success' || !Array.isArray(body.data?.result)) {
      const said = body?.error ?? (text.slice(0, 200) || `HTTP ${response.status}`);
      throw new AppError(
        'PROMETHEUS_UNAVAILABLE',
        `Prometheus at ${this.shownUrl} answered an error (HTTP ${response.status}): ${said}. The live 15 minutes still work.`,
      );
    }
    return { result: body.data.result };
  }

  /** The body as text, refused past maxBodyBytes without reading the rest. */
  private async readCapped(response: Response): Promise<string> {
    const limit = this.options.maxBodyBytes;
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > limit || !response.body) {
      await response.body?.cancel();
      if (declared > limit) throw this.tooLarge();
      return '';
    }
    const decoder = new TextDecoder();
    let size = 0;
    let text = '';
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      // Leaving the loop by throwing cancels the stream: the rest is never downloaded.
      if (size > limit) throw this.tooLarge();
      text += decoder.decode(chunk, { stream: true });
    }
    return text + decoder.decode();
  }

  private tooLarge(): AppError {
    return new AppError(
      'PROMETHEUS_UNAVAILABLE',
      `Prometheus at ${this.shownUrl} answered more than ${this.options.maxBodyBytes / 1024 / 1024} MB for one chart: the selector probably matches more than this director. Narrow --prometheus-selector.`,
    );
  }
}
