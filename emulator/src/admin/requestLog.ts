// The request log behind GET /-/requests (issue 23 item 3): the most recent requests in a bounded ring, so a test
// can ask which APIs it called and how each was answered. Admin and health requests are not logged: they are the
// test harness talking, not the code under test.
import type { Next } from 'koa';
import { OssError } from '../domain/errors.js';
import type { OssContext } from '../http/state.js';

export interface LoggedRequest {
  /** When the request arrived (ISO 8601). */
  time: string;
  method: string;
  /** The path as sent (percent-encoded) and the query string, without the `?`. */
  path: string;
  query: string;
  host: string;
  bucket: string | null;
  key: string | null;
  /** The API the router chose; null for a request refused before routing decided (NotImplemented …). */
  api: string | null;
  /** 0 when the connection was cut before an answer (a client abort, or a dropConnection fault). */
  status: number;
  errorCode: string | null;
  ec: string | null;
  requestId: string;
  accessKeyId: string | null;
  /** Until the response was complete; while a body is still streaming, until the handler returned. */
  durationMs: number;
  /** As received and as answered (names lower-case), for the console's request table (issue 24 item 5). */
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
}

function flatHeaders(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

export const DEFAULT_CAPACITY = 1000;

export class RequestLog {
  private ring: LoggedRequest[] = [];
  private at = 0;
  private readonly codes = new WeakMap<OssContext, string>();
  /** Told of every logged request once it is answered (api/accessLog.ts writes bucket access logs from them). */
  readonly listeners: ((entry: LoggedRequest, ctx: OssContext) => void)[] = [];

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** Newest first. */
  list(limit = this.capacity): LoggedRequest[] {
    const n = this.ring.length;
    const out: LoggedRequest[] = [];
    for (let i = 1; i <= Math.min(n, limit); i++) {
      const e = this.ring[(this.at - i + n) % n]!;
      out.push({ ...e, requestHeaders: { ...e.requestHeaders }, responseHeaders: { ...e.responseHeaders } });
    }
    return out;
  }

  clear(): void {
    this.ring = [];
    this.at = 0;
  }

  private push(entry: LoggedRequest): void {
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else this.ring[this.at] = entry;
    this.at = (this.at + 1) % this.capacity;
  }

  /**
   * Outermost (after context): times the request and records it once the chain has answered, so the status and
   * headers are final. `skip` says which requests are the harness's own.
   */
  middleware(apiOf: (ctx: OssContext) => string | undefined, skip: (ctx: OssContext) => boolean) {
    return async (ctx: OssContext, next: Next): Promise<void> => {
      if (skip(ctx)) return next();
      const started = performance.now();
      const time = new Date().toISOString();
      try {
        await next();
      } finally {
        const principal = ctx.state.principal;
        const cut = ctx.respond === false;
        const entry: LoggedRequest = {
          time,
          method: ctx.method,
          path: ctx.path,
          query: ctx.querystring,
          host: ctx.state.host,
          bucket: ctx.state.bucket ?? null,
          key: ctx.state.key ?? null,
          api: apiOf(ctx) ?? null,
          status: cut ? 0 : ctx.status,
          errorCode: this.codes.get(ctx) ?? null,
          ec: (ctx.response.get('x-oss-ec') as string) || null,
          requestId: ctx.state.requestId,
          accessKeyId: principal?.kind === 'key' ? principal.accessKeyId : null,
          durationMs: Math.round((performance.now() - started) * 1000) / 1000,
          requestHeaders: flatHeaders(ctx.req.headers),
          responseHeaders: flatHeaders(ctx.res.getHeaders() as Record<string, string | string[] | number | undefined>),
        };
        // Logged now, so a test that has its answer finds the entry; a streamed body finishes the duration later.
        this.push(entry);
        for (const l of this.listeners) l(entry, ctx);
        if (!ctx.res.writableFinished) {
          ctx.res.once('close', () => {
            entry.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
            if (!ctx.res.writableFinished && !ctx.res.headersSent) entry.status = 0;
          });
        }
      }
    };
  }

  /**
   * Placed just inside the errors middleware: notes the code of the error that is about to be rendered, then lets
   * it go on to the one renderer.
   */
  errorTap() {
    return async (ctx: OssContext, next: Next): Promise<void> => {
      try {
        await next();
      } catch (err) {
        if (err instanceof OssError) this.codes.set(ctx, err.code);
        else if (!ctx.req.aborted && !ctx.req.destroyed) this.codes.set(ctx, 'InternalError');
        throw err;
      }
    };
  }
}
