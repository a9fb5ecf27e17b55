// One access-log line in OSS's log-file format (behaviour §14.11.1). Sources: the OSS user guide "日志转存" /
// "Logging" (help.aliyun.com/document_detail/31868, www.alibabacloud.com/help/doc-detail/31868.htm): file name
// <TargetPrefix><SourceBucket>YYYY-mm-DD-HH-MM-SS-UniqueString; one request a line, fields separated by spaces in the
// order of its format line
//   RemoteIP Reserved Reserved Time "RequestURL" HTTPStatus SentBytes RequestTime "Referer" "UserAgent" "HostName"
//   "RequestID" "LoggingFlag" "RequesterAliyunID" "Operation" "BucketName" "ObjectName" ObjectSize ServerCostTime
//   "ErrorCode" RequestLength "UserID" DeltaDataSize "SyncRequest" "StorageClass" "TargetStorageClass"
//   "TransmissionAccelerationAccessPoint" "AccessKeyID"
// followed by "BucketArn" (added 17 Sep 2025, help.aliyun.com/zh/oss/logging: "日志内容新增 Bucket ARN 字段"); `-` for
// none; Reserved is always `-`; Time as its examples, `[02/May/2012:00:00:04 +0800]` — Beijing time, which the
// log object's name uses too (the PutBucketLogging reference: "2012-09-10-04-00-00 is the Object creation time
// (Beijing time)") [I for regions outside China, whose offset no page shows]. The user guide warns that OSS adds
// fields at the end; the user-defined log fields (PutUserDefinedLogFieldsConfig reference: Base64-encoded JSON with
// "truncated", "headers" and "querys") are written there, after BucketArn [I: their place in a dumped line].
// The fields local-oss cannot know (DeltaDataSize, StorageClass changes, acceleration) are `-`.

export interface AccessLogEntry {
  remoteIp: string;
  time: number;
  method: string;
  /** Path and query as sent. */
  uri: string;
  httpVersion: string;
  status: number;
  sentBytes: number;
  requestTimeMs: number;
  referer?: string;
  userAgent?: string;
  host: string;
  requestId: string;
  requester?: string;
  operation?: string;
  bucket: string;
  key?: string;
  objectSize?: number;
  errorCode?: string;
  requestLength: number;
  owner: string;
  accessKeyId?: string;
  bucketArn: string;
  /** The user-defined log fields' value (userDefinedLogFields), when the bucket has a configuration. */
  userDefined?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Beijing time, UTC+8 (see the header). */
const OFFSET_MS = 8 * 3600 * 1000;

/** `[02/May/2012:00:00:04 +0800]` */
export function logTime(ms: number): string {
  const d = new Date(ms + OFFSET_MS);
  return `[${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0800]`;
}

/** At most this many bytes of keys and values in all (PutUserDefinedLogFieldsConfig reference); the rest is cut. */
export const USER_DEFINED_FIELDS_BYTES = 1024;

/**
 * The user_defined_log_fields value: Base64 of `{"truncated":…,"headers":{…},"querys":{…}}` holding the configured
 * request headers and query parameters the request carried, cut once keys and values pass 1024 bytes
 * (PutUserDefinedLogFieldsConfig reference, usage notes).
 */
export function userDefinedLogFields(
  config: { headers: string[]; parameters: string[] },
  header: (name: string) => string | undefined,
  query: (name: string) => string | undefined,
): string {
  let budget = USER_DEFINED_FIELDS_BYTES;
  let truncated = false;
  const take = (names: string[], get: (name: string) => string | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const name of names) {
      const value = get(name);
      if (value === undefined) continue;
      const cost = Buffer.byteLength(name) + Buffer.byteLength(value);
      if (cost > budget) {
        truncated = true;
        const room = budget - Buffer.byteLength(name);
        if (room > 0) out[name] = Buffer.from(value).subarray(0, room).toString();
        budget = 0;
        continue;
      }
      out[name] = value;
      budget -= cost;
    }
    return out;
  };
  const headers = take(config.headers, header);
  const querys = take(config.parameters, query);
  return Buffer.from(JSON.stringify({ truncated, headers, querys })).toString('base64');
}

/** A quoted field: `"-"` when empty; quotes and control characters escaped so one request stays one line. */
function q(v: string | undefined): string {
  if (v === undefined || v === '') return '"-"';
  return `"${v.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}"`;
}

export function accessLogLine(e: AccessLogEntry): string {
  return [
    e.remoteIp || '-',
    '-',
    '-',
    logTime(e.time),
    q(`${e.method} ${e.uri} HTTP/${e.httpVersion}`),
    String(e.status),
    String(e.sentBytes),
    String(Math.round(e.requestTimeMs)),
    q(e.referer),
    q(e.userAgent),
    q(e.host),
    q(e.requestId),
    q('true'),
    q(e.requester),
    q(e.operation),
    q(e.bucket),
    q(e.key === undefined ? undefined : encodeURIComponent(e.key)),
    e.objectSize === undefined ? '-' : String(e.objectSize),
    String(Math.round(e.requestTimeMs)),
    q(e.errorCode),
    String(e.requestLength),
    q(e.owner),
    '-',
    q(undefined),
    q(undefined),
    q(undefined),
    q(undefined),
    q(e.accessKeyId),
    q(e.bucketArn),
    ...(e.userDefined !== undefined ? [q(e.userDefined)] : []),
  ].join(' ');
}

/** `<TargetPrefix><SourceBucket>YYYY-mm-DD-HH-MM-SS-UniqueString`, in Beijing time as the line's Time. */
export function logObjectKey(prefix: string, sourceBucket: string, now: number, unique: string): string {
  const d = new Date(now + OFFSET_MS);
  const stamp = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}-${two(d.getUTCHours())}-${two(d.getUTCMinutes())}-${two(d.getUTCSeconds())}`;
  return `${prefix}${sourceBucket}${stamp}-${unique}`;
}
