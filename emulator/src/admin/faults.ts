// Fault injection (issue 23 item 3, README "Admin API"): rules that make the next `count` requests of an API answer
// an OSS error, wait, or lose their connection, so SDK users can test retries and error handling against OSS's own
// error shapes. Errors go through the one renderer (http/errors.ts renderError): a code the catalogue knows is
// rendered from its entry, any other code from the rule, as an OssError all the same.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Next } from 'koa';
import { catalogue, OssError, type CatalogueEntry, type CatalogueKey } from '../domain/errors.js';
import type { OssContext } from '../http/state.js';

export interface FaultRule {
  /** The API name the router chose (domain/actions.ts ApiName, e.g. PutObject), or '*' for every API. */
  api: string;
  bucket?: string;
  key?: string;
  /** HTTP status of the error; defaults to the catalogue's when `code` is one it knows. */
  status?: number;
  /** OSS error code (`SlowDown`, `InternalError`, `RequestTimeTooSkewed` …); none = only delay or drop. */
  code?: string;
  message?: string;
  ec?: string;
  /** How many matching requests the rule affects before it expires (default 1). */
  count: number;
  /** Wait this long before answering (then the error, or normal service when there is no code). */
  delayMs?: number;
  /** Destroy the socket without any answer (after the delay): the SDK sees a connection reset. */
  dropConnection?: boolean;
}

export interface ActiveFault extends FaultRule {
  id: number;
  /** Matching requests still to be affected. */
  remaining: number;
  /** Matching requests affected so far. */
  hits: number;
}

const MAX_DELAY_MS = 10 * 60 * 1000;
const MAX_RULES = 1000;
const DEFAULT_MESSAGE = 'The request failed.';

function invalid(name: string, value: unknown): OssError {
  return new OssError('InvalidArgument', { ArgumentName: name, ArgumentValue: value === undefined ? '' : JSON.stringify(value) });
}

/** The catalogue entry for a wire code or a catalogue key (a key wins: `SignatureDoesNotMatchV4`). */
function entryFor(code: string): { key: CatalogueKey; entry: CatalogueEntry } | undefined {
  const entries = catalogue as Record<string, CatalogueEntry>;
  if (Object.hasOwn(entries, code)) return { key: code as CatalogueKey, entry: entries[code]! };
  const key = Object.keys(entries).find((k) => entries[k]!.code === code);
  return key === undefined ? undefined : { key: key as CatalogueKey, entry: entries[key]! };
}

/**
 * An OssError for a code the catalogue may not know. The renderer reads only code, status, message, ec and
 * details, so overriding those fields after the catalogue constructor keeps one rendering path for every error.
 */
export function injectedError(rule: Pick<FaultRule, 'code' | 'status' | 'message' | 'ec'>): OssError {
  const known = entryFor(rule.code!);
  const err = new OssError(known?.key ?? 'InternalError');
  const override: Record<string, unknown> = { code: known ? (known.entry.code ?? known.key) : rule.code };
  if (rule.status !== undefined) override.status = rule.status;
  if (rule.message !== undefined || !known) override.message = rule.message ?? DEFAULT_MESSAGE;
  if (rule.ec !== undefined || !known) override.ec = rule.ec;
  for (const [name, value] of Object.entries(override)) {
    Object.defineProperty(err, name, { value, enumerable: name !== 'message', configurable: true, writable: false });
  }
  return err;
}

/** Checks a rule as POSTed (JSON); throws 400 InvalidArgument naming the field. */
export function parseRule(input: unknown, apis: ReadonlySet<string>): FaultRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalid('rule', input);
  const r = input as Record<string, unknown>;
  const known = new Set(['api', 'bucket', 'key', 'status', 'code', 'message', 'ec', 'count', 'delayMs', 'dropConnection']);
  for (const name of Object.keys(r)) if (!known.has(name)) throw invalid(name, r[name]);
  const optionalString = (name: string): string | undefined => {
    if (r[name] === undefined) return undefined;
    if (typeof r[name] !== 'string' || r[name] === '') throw invalid(name, r[name]);
    return r[name] as string;
  };
  const api = r.api ?? '*';
  if (typeof api !== 'string' || (api !== '*' && !apis.has(api))) throw invalid('api', r.api);
  const code = optionalString('code');
  const count = r.count ?? 1;
  if (!Number.isSafeInteger(count) || (count as number) < 1) throw invalid('count', r.count);
  const delayMs = r.delayMs;
  if (delayMs !== undefined && (!Number.isSafeInteger(delayMs) || (delayMs as number) < 0 || (delayMs as number) > MAX_DELAY_MS)) {
    throw invalid('delayMs', delayMs);
  }
  if (r.dropConnection !== undefined && typeof r.dropConnection !== 'boolean') throw invalid('dropConnection', r.dropConnection);
  let status = r.status;
  if (status !== undefined && (!Number.isInteger(status) || (status as number) < 300 || (status as number) > 599)) {
    throw invalid('status', status);
  }
  if (code !== undefined && status === undefined) {
    // Only a code the catalogue knows brings its own status.
    status = entryFor(code)?.entry.status;
    if (status === undefined) throw invalid('status', r.status);
  }
  if (code === undefined && (status !== undefined || r.message !== undefined || r.ec !== undefined)) throw invalid('code', r.code);
  if (code === undefined && delayMs === undefined && r.dropConnection !== true) throw invalid('code', r.code);
  const rule: FaultRule = { api, count: count as number };
  const bucket = optionalString('bucket');
  const key = optionalString('key');
  const message = optionalString('message');
  const ec = optionalString('ec');
  if (bucket !== undefined) rule.bucket = bucket;
  if (key !== undefined) rule.key = key;
  if (code !== undefined) Object.assign(rule, { code, status });
  if (message !== undefined) rule.message = message;
  if (ec !== undefined) rule.ec = ec;
  if (delayMs !== undefined) rule.delayMs = delayMs as number;
  if (r.dropConnection === true) rule.dropConnection = true;
  return rule;
}

export class Faults {
  private rules: ActiveFault[] = [];
  private nextId = 1;

  add(rules: FaultRule[]): ActiveFault[] {
    if (this.rules.length + rules.length > MAX_RULES) throw invalid('rules', `more than ${MAX_RULES}`);
    const added = rules.map((r) => ({ ...r, id: this.nextId++, remaining: r.count, hits: 0 }));
    this.rules.push(...added);
    return added;
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }

  /** Drops the rule with this id; false when no live rule has it (never added, or spent). */
  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  /** The first live rule matching the request, consumed by one; rules apply in the order they were added. */
  take(api: string, bucket: string | undefined, key: string | undefined): ActiveFault | undefined {
    const rule = this.rules.find(
      (r) => (r.api === '*' || r.api === api) && (r.bucket === undefined || r.bucket === bucket) && (r.key === undefined || r.key === key),
    );
    if (rule === undefined) return undefined;
    rule.remaining--;
    rule.hits++;
    if (rule.remaining === 0) this.rules = this.rules.filter((r) => r !== rule);
    return { ...rule };
  }

  /**
   * The middleware, placed after auth and before the handler: the API is known (and the access key id for the
   * request log), nothing has been read or changed yet, so a faulted request leaves no trace in the store.
   */
  middleware(apiOf: (ctx: OssContext) => string | undefined) {
    return async (ctx: OssContext, next: Next): Promise<void> => {
      const api = apiOf(ctx);
      const rule = api === undefined || this.rules.length === 0 ? undefined : this.take(api, ctx.state.bucket, ctx.state.key);
      if (rule === undefined) return next();
      if (rule.delayMs) await sleep(rule.delayMs);
      if (rule.dropConnection) {
        // No answer at all: Koa must not try to write one on the destroyed socket.
        ctx.respond = false;
        ctx.req.socket.destroy();
        return;
      }
      if (rule.code !== undefined) throw injectedError(rule);
      return next();
    };
  }
}
