// Access logging, enforced (behaviour §14.11.1): the request log's tap (admin/requestLog.ts) hands every answered
// request here; a request to a bucket whose logging is on becomes one line (domain/accessLogLine.ts) buffered for
// that bucket. A flush — POST /-/logging/flush, and every --logging-interval seconds (server.ts) — writes each
// bucket's lines as one object <TargetPrefix><SourceBucket>YYYY-mm-DD-HH-MM-SS-UniqueString into the target bucket.
// The write is an ordinary PutObject signed with the owner's key and sent to this emulator itself (the same way
// --seed writes), so it lands through api/landing.ts like any other write; those requests are not logged.
import { randomBytes } from 'node:crypto';
import { accessLogLine, logObjectKey, userDefinedLogFields } from '../domain/accessLogLine.js';
import type { LogFieldsConfig } from '../domain/logging.js';
import { OWNER } from '../domain/owner.js';
import type { LoggedRequest } from '../admin/requestLog.js';
import type { OssContext } from '../http/state.js';
import type { Store } from '../store/store.js';
import { loggingOf } from './logging.js';

/** Lines kept per bucket between flushes; older ones are dropped first [I]. */
export const MAX_BUFFERED_LINES = 100_000;

export type LogWriter = (bucket: string, key: string, body: string) => Promise<void>;

export interface FlushReport {
  objects: { bucket: string; key: string; lines: number }[];
  failed: { bucket: string; error: string }[];
}

export class AccessLog {
  private readonly pending = new Map<string, string[]>();
  /** `bucket/key` of the log objects being written: their own PutObjects are not logged, so logs never log themselves. */
  private readonly writing = new Set<string>();
  writer: LogWriter | undefined;

  record(e: LoggedRequest, ctx: OssContext): void {
    if (e.bucket === null || e.status === 0) return;
    if (e.api === 'PutObject' && this.writing.has(`${e.bucket}/${e.key}`)) return;
    const config = loggingOf(ctx.state.store, e.bucket);
    if (config === undefined) return;
    const size = Number(ctx.response.get('content-length'));
    const fields = ctx.state.store.buckets.getDocument<LogFieldsConfig>(e.bucket, 'logFields');
    const line = accessLogLine({
      remoteIp: ctx.req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '-',
      time: Date.parse(e.time),
      method: e.method,
      uri: ctx.originalUrl,
      httpVersion: ctx.req.httpVersion,
      status: e.status,
      sentBytes: Number.isFinite(size) ? size : 0,
      requestTimeMs: e.durationMs,
      referer: ctx.get('referer') || undefined,
      userAgent: ctx.get('user-agent') || undefined,
      host: e.host,
      requestId: e.requestId,
      requester: e.accessKeyId === null ? undefined : OWNER.ID,
      operation: e.api ?? undefined,
      bucket: e.bucket,
      key: e.key ?? undefined,
      objectSize: e.api === 'GetObject' || e.api === 'HeadObject' || e.api === 'PutObject' ? (Number.isFinite(size) ? size : undefined) : undefined,
      errorCode: e.errorCode ?? undefined,
      requestLength: Number(ctx.get('content-length')) || 0,
      owner: OWNER.ID,
      accessKeyId: e.accessKeyId ?? undefined,
      bucketArn: `acs:oss:*:${ctx.state.config.accountId}:${e.bucket}`,
      ...(fields !== undefined
        ? { userDefined: userDefinedLogFields(fields, (h) => ctx.get(h) || undefined, (p) => ctx.state.query.get(p) ?? undefined) }
        : {}),
    });
    let lines = this.pending.get(e.bucket);
    if (lines === undefined) this.pending.set(e.bucket, (lines = []));
    lines.push(line);
    if (lines.length > MAX_BUFFERED_LINES) lines.shift();
  }

  clear(): void {
    this.pending.clear();
  }

  /** Writes every bucket's buffered lines; a bucket whose write fails keeps its lines for the next flush. */
  async flush(store: Store, now: number): Promise<FlushReport> {
    const report: FlushReport = { objects: [], failed: [] };
    const writer = this.writer;
    if (writer === undefined) return report;
    for (const [bucket, lines] of [...this.pending]) {
      if (lines.length === 0) continue;
      this.pending.delete(bucket);
      const config = loggingOf(store, bucket);
      if (config === undefined) continue; // logging turned off since: the lines go, as no target wants them [I]
      const key = logObjectKey(config.targetPrefix, bucket, now, randomBytes(2).toString('hex').toUpperCase());
      this.writing.add(`${config.targetBucket}/${key}`);
      try {
        await writer(config.targetBucket, key, `${lines.join('\n')}\n`);
        report.objects.push({ bucket: config.targetBucket, key, lines: lines.length });
      } catch (err) {
        this.pending.set(bucket, [...lines, ...(this.pending.get(bucket) ?? [])]);
        report.failed.push({ bucket, error: err instanceof Error ? err.message : String(err) });
      } finally {
        this.writing.delete(`${config.targetBucket}/${key}`);
      }
    }
    return report;
  }
}
