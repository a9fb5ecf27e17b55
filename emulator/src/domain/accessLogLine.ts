// One access-log line in OSS's log-file format (behaviour §14.11.1). Sources: the OSS user guide "日志转存" /
// "Logging" (help.aliyun.com/document_detail/31868): file name <TargetPrefix><SourceBucket>YYYY-mm-DD-HH-MM-SS-
// UniqueString, one request a line, fields separated by spaces, quoted where they may hold spaces, `-` for none, in
// this order: Remote IP, Reserved, Reserved, Time, "Request-URI", HTTP Status, SentBytes, RequestTime (ms),
// "Referer", "User-Agent", "HostName", "Request ID", "LoggingFlag", "Requester Aliyun ID", "Operation",
// "Bucket", "Key", ObjectSize, Server Cost Time (ms), "Error Code", Request Length, "UserID", Delta DataSize,
// "Sync Request", "StorageClass", "TargetStorageClass", "TransmissionAccelerationAccessPoint", "AccessKeyId",
// "BucketArn". [S2: the field list as the user guide gives it; the exact page was not stored, and the fields local-oss
// cannot know (DeltaDataSize, StorageClass changes, acceleration) are `-`.]

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
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `[02/May/2012:00:00:04 +0000]`: the emulator writes UTC [I: OSS writes the region's offset]. */
export function logTime(ms: number): string {
  const d = new Date(ms);
  return `[${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000]`;
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
  ].join(' ');
}

/** `<TargetPrefix><SourceBucket>YYYY-mm-DD-HH-MM-SS-UniqueString`. */
export function logObjectKey(prefix: string, sourceBucket: string, now: number, unique: string): string {
  const d = new Date(now);
  const stamp = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}-${two(d.getUTCHours())}-${two(d.getUTCMinutes())}-${two(d.getUTCSeconds())}`;
  return `${prefix}${sourceBucket}${stamp}-${unique}`;
}
