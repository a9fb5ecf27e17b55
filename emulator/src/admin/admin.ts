// The admin API under /-/ (issue 23 item 3; README "Admin API"), beside /-/health: test harness controls that no
// OSS SDK sends. Answered only to loopback clients or to requests signed with the owner's key pair (the Docker
// image's clients come from the bridge network, not loopback, so they sign); anyone else gets 403 AccessDenied.
//   POST   /-/reset      every bucket, object, upload and bucket configuration gone; identities and KMS keys kept;
//                        fault rules and the request log cleared too, so a test starts from nothing
//   GET    /-/faults     the live fault rules
//   POST   /-/faults     add one rule or an array of rules (admin/faults.ts)
//   DELETE /-/faults     remove every rule
//   DELETE /-/faults/<id>  remove one rule (its `id` in GET /-/faults); 204 also when no live rule has that id
//   GET    /-/requests   the request log, newest first (?limit=N)
//   GET    /-/clock      {"now": ISO time, "offsetSeconds": N}: the emulator's clock (domain/clock.ts)
//   PUT    /-/clock      {"offsetSeconds": N}: set how far it runs ahead of real time (negative: behind)
//   POST   /-/lifecycle/run  one lifecycle pass now, at the emulator's clock (api/lifecycle.ts); answers its counts
//   POST   /-/replication/run  one replication pass now (api/replicationRun.ts); answers its counts
//   POST   /-/inventory/run  every enabled inventory's report now (api/inventoryReport.ts); answers what it wrote
//   POST   /-/logging/flush  write the buffered access-log lines of every logging bucket now (api/accessLog.ts)
//   GET    /-/console    the web console (console/serve.ts), and its signing proxy to the OSS API
// Errors are OSS <Error> documents from the one renderer; successes are JSON.
import type { Next } from 'koa';
import { OssError } from '../domain/errors.js';
import { auth } from '../http/auth.js';
import { readConfigBody } from '../http/body.js';
import type { OssContext } from '../http/state.js';
import { resetStore } from '../store/reset.js';
import { serveConsole } from '../console/serve.js';
import { Faults, parseRule } from './faults.js';
import { RequestLog } from './requestLog.js';
import { runLifecycle } from '../api/lifecycle.js';
import { runReplication } from '../api/replicationRun.js';
import { runInventories } from '../api/inventoryReport.js';
import { AccessLog } from '../api/accessLog.js';

/** 127.0.0.0/8, ::1 and their IPv4-mapped form. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/**
 * A plain `/-/…` path on the service host (as /-/health in app.ts): on a virtual-hosted bucket host the same path
 * is an object key.
 */
export function isAdminPath(ctx: OssContext): boolean {
  return ctx.path.startsWith('/-/') && !/\.(aliyuncs\.com|localhost)(:\d+)?$/i.test(ctx.get('host'));
}

const MAX_BODY = 256 * 1024;

function clockState(ctx: OssContext): { now: string; offsetSeconds: number } {
  const clock = ctx.state.config.clock;
  return { now: new Date(clock.now()).toISOString(), offsetSeconds: clock.offsetSeconds };
}

export class Admin {
  readonly faults = new Faults();
  readonly requests = new RequestLog();
  readonly accessLog = new AccessLog();

  constructor(private readonly apis: ReadonlySet<string>) {
    this.requests.listeners.push((entry, ctx) => {
      try {
        this.accessLog.record(entry, ctx);
      } catch {
        // A line that cannot be made (the store closing) is lost, never the answer.
      }
    });
  }

  /** After addressing (the signature check needs the bucket and key the path names). */
  middleware() {
    return async (ctx: OssContext, next: Next): Promise<void> => {
      if (ctx.path === '/-/health' || !isAdminPath(ctx)) return next();
      await this.authorize(ctx);
      if (await serveConsole(ctx)) return; // the web console (issue 24): same access rule
      const name = ctx.path.slice(3);
      const rule = /^faults\/([1-9]\d{0,15})$/.exec(name);
      if (rule && ctx.method === 'DELETE') {
        // Idempotent as DELETE /-/faults is: a spent rule is gone already, which is what the caller wanted.
        this.faults.remove(Number(rule[1]));
        ctx.status = 204;
        return;
      }
      const handler = this.handlers[`${ctx.method} ${name}`];
      if (handler === undefined) {
        if (Object.keys(this.handlers).some((k) => k.endsWith(` ${name}`))) {
          throw new OssError('MethodNotAllowed', { Method: ctx.method, ResourceType: 'Admin' });
        }
        throw new OssError('NotImplemented', { Path: ctx.path });
      }
      await handler(ctx);
    };
  }

  private async authorize(ctx: OssContext): Promise<void> {
    if (isLoopback(ctx.req.socket.remoteAddress)) return;
    await auth(ctx, async () => {}); // a bad signature is its usual OSS error
    const p = ctx.state.principal;
    if (p.kind === 'key' && p.identity === undefined && ctx.state.config.credentials.has(p.accessKeyId)) return;
    throw new OssError('AccessDenied');
  }

  private readonly handlers: Record<string, (ctx: OssContext) => Promise<void> | void> = {
    'POST reset': (ctx) => {
      const removed = resetStore(ctx.state.store);
      this.faults.clear();
      this.requests.clear();
      this.accessLog.clear();
      ctx.body = { reset: true, removed };
    },
    'GET clock': (ctx) => {
      ctx.body = clockState(ctx);
    },
    'PUT clock': async (ctx) => {
      const body = await readJson(ctx);
      const offset = (body as { offsetSeconds?: unknown } | null)?.offsetSeconds;
      if (typeof offset !== 'number' || !Number.isFinite(offset)) throw new OssError('InvalidArgumentClockOffset', { ArgumentName: 'offsetSeconds' });
      ctx.state.config.clock.setOffset(offset);
      ctx.body = clockState(ctx);
    },
    'POST logging/flush': async (ctx) => {
      ctx.body = await this.accessLog.flush(ctx.state.store, ctx.state.config.clock.now());
    },
    'POST lifecycle/run': (ctx) => {
      ctx.body = runLifecycle(ctx.state.store, ctx.state.config.clock.now());
    },
    'POST replication/run': (ctx) => {
      ctx.body = runReplication(ctx.state.store, { now: ctx.state.config.clock.now(), kmsKeysDeclared: ctx.state.config.kmsKeysDeclared });
    },
    'POST inventory/run': (ctx) => {
      ctx.body = runInventories(ctx.state.store, { now: ctx.state.config.clock.now(), kmsKeysDeclared: ctx.state.config.kmsKeysDeclared, dueOnly: false });
    },
    'GET faults': (ctx) => {
      ctx.body = { rules: this.faults.list() };
    },
    'POST faults': async (ctx) => {
      const body = await readJson(ctx);
      const list = Array.isArray(body) ? body : (body as { rules?: unknown })?.rules ?? [body];
      if (!Array.isArray(list) || list.length === 0) throw new OssError('InvalidArgument', { ArgumentName: 'rules' });
      const rules = list.map((r) => parseRule(r, this.apis));
      ctx.status = 201;
      ctx.body = { rules: this.faults.add(rules) };
    },
    'DELETE faults': (ctx) => {
      this.faults.clear();
      ctx.status = 204;
    },
    'GET requests': (ctx) => {
      const raw = ctx.state.query.get('limit');
      const limit = raw === undefined ? undefined : Number(raw);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
        throw new OssError('InvalidArgument', { ArgumentName: 'limit', ArgumentValue: raw });
      }
      ctx.body = { requests: this.requests.list(limit) };
    },
  };
}

async function readJson(ctx: OssContext): Promise<unknown> {
  const raw = await readConfigBody(ctx, MAX_BODY);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new OssError('InvalidArgument', { ArgumentName: 'body', ArgumentValue: (err as Error).message });
  }
}
