// Put/Get/DeleteBucketLogging and Put/Get/DeleteUserDefinedLogFieldsConfig (behaviour §14.11): one document each
// per bucket (domain/logging.ts).
import { OssError } from '../domain/errors.js';
import { logFieldsToXml, loggingToXml, parseLogFields, parseLogging, type LogFieldsConfig, type LoggingConfig } from '../domain/logging.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import type { Store } from '../store/store.js';
import { requireBucket } from './bucket.js';

export function loggingOf(store: Store, bucket: string): LoggingConfig | undefined {
  return store.buckets.getDocument<LoggingConfig>(bucket, 'logging');
}

export async function putBucketLogging(ctx: OssContext): Promise<void> {
  const config = parseLogging(await readXml(ctx));
  ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    if (config !== undefined) {
      const target = ctx.state.store.buckets.get(config.targetBucket);
      // The target must exist in the same region (API reference); every bucket here has the one owner.
      if (target === undefined || target.region !== b.region) {
        throw new OssError('InvalidTargetBucketForLogging', { TargetBucket: config.targetBucket });
      }
    }
    ctx.state.store.buckets.setDocument(b.name, 'logging', config);
  });
  sendEmpty(ctx);
}

/** An empty BucketLoggingStatus when logging is off (oss2 live test_logging after the delete). */
export function getBucketLogging(ctx: OssContext): void {
  const b = requireBucket(ctx);
  sendXml(ctx, 'BucketLoggingStatus', loggingToXml(loggingOf(ctx.state.store, b.name)));
}

/** 204 whether or not logging was on (oss2 live test_logging deletes twice). */
export function deleteBucketLogging(ctx: OssContext): void {
  ctx.state.store.tx(() => ctx.state.store.buckets.setDocument(requireBucket(ctx).name, 'logging', undefined));
  sendEmpty(ctx, 204);
}

export async function putUserDefinedLogFieldsConfig(ctx: OssContext): Promise<void> {
  const config = parseLogFields(await readXml(ctx));
  ctx.state.store.tx(() => ctx.state.store.buckets.setDocument(requireBucket(ctx).name, 'logFields', config));
  sendEmpty(ctx);
}

export function getUserDefinedLogFieldsConfig(ctx: OssContext): void {
  const b = requireBucket(ctx);
  const config = ctx.state.store.buckets.getDocument<LogFieldsConfig>(b.name, 'logFields');
  if (config === undefined) throw new OssError('NoSuchUserDefinedLogFieldsConfig', { BucketName: b.name });
  sendXml(ctx, 'UserDefinedLogFieldsConfiguration', logFieldsToXml(config));
}

export function deleteUserDefinedLogFieldsConfig(ctx: OssContext): void {
  ctx.state.store.tx(() => ctx.state.store.buckets.setDocument(requireBucket(ctx).name, 'logFields', undefined));
  sendEmpty(ctx, 204);
}
