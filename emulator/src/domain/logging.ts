// Bucket access logging (Put/Get/DeleteBucketLogging `?logging`, Put/Get/DeleteUserDefinedLogFieldsConfig
// `?userDefinedLogFieldsConfig`; behaviour §14.11). Sources: the Python SDK v2 models/bucket_logging.py
// (BucketLoggingStatus > LoggingEnabled > TargetBucket, TargetPrefix, LoggingRole; UserDefinedLogFieldsConfiguration >
// HeaderSet > header, ParamSet > parameter) and test_bucket_logging_client.py; oss2 live tests/test_bucket.py
// test_logging (an empty BucketLoggingStatus after DeleteBucketLogging, read as target '' and prefix ''); the
// PutBucketLogging API reference (the target bucket must exist, be the same owner's and in the same region:
// InvalidTargetBucketForLogging; an empty BucketLoggingStatus turns logging off).
import { OssError } from './errors.js';

export interface LoggingConfig {
  targetBucket: string;
  targetPrefix: string;
  loggingRole?: string;
}

export interface LogFieldsConfig {
  headers: string[];
  parameters: string[];
}

type Node = Record<string, unknown>;
const list = (v: unknown): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

function text(v: unknown, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${what} is not text` });
  return v;
}

/** undefined: logging off (an empty BucketLoggingStatus). */
export function parseLogging(doc: Record<string, unknown> | undefined): LoggingConfig | undefined {
  const root = doc?.BucketLoggingStatus;
  if (root === undefined || root === null || (root !== '' && typeof root !== 'object')) throw new OssError('MalformedXML');
  const enabled = root === '' ? undefined : (root as Node).LoggingEnabled;
  if (enabled === undefined || enabled === '') return undefined;
  if (enabled === null || typeof enabled !== 'object') throw new OssError('MalformedXML');
  const n = enabled as Node;
  const targetBucket = text(n.TargetBucket, 'TargetBucket') ?? '';
  if (targetBucket === '') throw new OssError('InvalidTargetBucketForLogging', { TargetBucket: targetBucket });
  const targetPrefix = text(n.TargetPrefix, 'TargetPrefix') ?? '';
  const loggingRole = text(n.LoggingRole, 'LoggingRole');
  return { targetBucket, targetPrefix, ...(loggingRole ? { loggingRole } : {}) };
}

export function loggingToXml(c: LoggingConfig | undefined): object {
  if (c === undefined) return {};
  return {
    LoggingEnabled: { TargetBucket: c.targetBucket, TargetPrefix: c.targetPrefix, ...(c.loggingRole ? { LoggingRole: c.loggingRole } : {}) },
  };
}

/** The API reference limits each set to 20 entries of at most 64 characters [I: the refusal's code]. */
export const MAX_LOG_FIELDS = 20;
export const MAX_LOG_FIELD_LENGTH = 64;

export function parseLogFields(doc: Record<string, unknown> | undefined): LogFieldsConfig {
  const root = doc?.UserDefinedLogFieldsConfiguration;
  if (root === undefined || root === null || (root !== '' && typeof root !== 'object')) throw new OssError('MalformedXML');
  const n = (root === '' ? {} : root) as Node;
  const set = (v: unknown, item: string): string[] => {
    const s = v === undefined || v === '' ? {} : v;
    if (s === null || typeof s !== 'object') throw new OssError('MalformedXML');
    const values = list((s as Node)[item]).map((x) => text(x, item) ?? '');
    if (values.length > MAX_LOG_FIELDS || values.some((x) => x === '' || x.length > MAX_LOG_FIELD_LENGTH)) {
      throw new OssError('InvalidArgumentLogFields', { ArgumentName: item });
    }
    return [...new Set(values)];
  };
  const headers = set(n.HeaderSet, 'header');
  const parameters = set(n.ParamSet, 'parameter');
  if (headers.length === 0 && parameters.length === 0) throw new OssError('MalformedXML', { ErrorDetail: 'no header and no parameter' });
  return { headers, parameters };
}

export function logFieldsToXml(c: LogFieldsConfig): object {
  return {
    ...(c.headers.length ? { HeaderSet: { header: c.headers } } : {}),
    ...(c.parameters.length ? { ParamSet: { parameter: c.parameters } } : {}),
  };
}
