// go-v1: Alibaba Cloud's Go SDK v1 (github.com/aliyun/aliyun-oss-go-sdk/oss) behind adapters/go_v1_adapter/main.go,
// speaking the same stdio protocol as python-v2 (stdioAdapter.ts). Debian packages the SDK (1.5.0) as
// golang-github-aliyun-aliyun-oss-go-sdk-dev under /usr/share/gocode, so the adapter is built from Debian packages
// alone: GOPATH mode (GO111MODULE=off) against that tree, GOPROXY=off, no module download. It is built once into a
// folder under the OS temp dir named by a hash of the source and the toolchain, never into the repository; where Go
// or the SDK is missing the driver is unavailable, saying what to install.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RAW_ONLY_PARAMS, type Api, type Credentials, type Params } from '../model.js';
import { isDocumentApi } from '../documents.js';
import { StdioAdapterDriver, type AdapterCommand } from './stdioAdapter.js';

const run = promisify(execFile);
const ADAPTER_DIR = fileURLToPath(new URL('../../adapters/go_v1_adapter', import.meta.url));
const SDK_PACKAGE = 'github.com/aliyun/aliyun-oss-go-sdk/oss';
/** Where Debian's golang-*-dev packages put Go sources. */
export const DEBIAN_GOPATH = '/usr/share/gocode';
export const GO_V1_HOW = 'apt-get install golang-go golang-github-aliyun-aliyun-oss-go-sdk-dev';

/** The calls 1.5.0 has no function for (bucket.go, client.go, multipart.go of that release). */
const NO_CALL: Partial<Record<Api, string>> = {
  PostObject: 'PostObject (a browser form)',
  // bucket.go RestoreObject exists, but the adapter (adapters/go_v1_adapter) does not call it yet.
  RestoreObject: 'restore in the adapter',
  // No process_object.go and no Process option in Debian's 1.5.0 tree (grep of /usr/share/gocode …/oss).
  ProcessObject: 'ProcessObject',
  PutBucketStyle: 'bucket styles',
  GetBucketStyle: 'bucket styles',
  DeleteBucketStyle: 'bucket styles',
  PutBucketVersioning: 'versioning',
  GetBucketVersioning: 'versioning',
  ListObjectVersions: 'versioning',
  PutObjectTagging: 'object tagging',
  GetObjectTagging: 'object tagging',
  DeleteObjectTagging: 'object tagging',
  ListObjectsV2: 'ListObjectsV2',
  InitiateBucketWorm: 'WORM',
  CompleteBucketWorm: 'WORM',
  ExtendBucketWorm: 'WORM',
  AbortBucketWorm: 'WORM',
  GetBucketWorm: 'WORM',
  CreateAccessPoint: 'access points',
  GetAccessPoint: 'access points',
  ListAccessPoints: 'access points',
  DeleteAccessPoint: 'access points',
  PutAccessPointPolicy: 'access points',
  GetAccessPointPolicy: 'access points',
  DeleteAccessPointPolicy: 'access points',
  PutAccessPointPublicAccessBlock: 'access points',
  GetAccessPointPublicAccessBlock: 'access points',
  DeleteAccessPointPublicAccessBlock: 'access points',
  PutPublicAccessBlock: 'Block Public Access',
  GetPublicAccessBlock: 'Block Public Access',
  DeletePublicAccessBlock: 'Block Public Access',
  PutBucketReplication: 'replication',
  GetBucketReplication: 'replication',
  GetBucketReplicationProgress: 'replication',
  DeleteBucketReplication: 'replication',
};

/** Calls the SDK has but adapters/go_v1_adapter does not wire yet. */
const NOT_WIRED: Partial<Record<Api, string>> = {
  PutBucketLifecycle: 'SetBucketLifecycle',
  GetBucketLifecycle: 'GetBucketLifecycle',
  DeleteBucketLifecycle: 'DeleteBucketLifecycle',
};

/** The documents.ts APIs 1.5.0 has a call for (client.go, bucket.go) that the adapter does not wire, and why. */
const DOCUMENT_CALLS: Partial<Record<Api, string>> = {
  ListBuckets: 'the adapter does not call the SDK\'s ListBuckets yet (1.5.0 has no tag-key / tag-value option)',
  PutBucketCors: 'the adapter does not call the SDK\'s SetBucketCORS yet (every CORS scenario also needs OptionObject, which 1.5.0 lacks)',
  GetBucketCors: 'the adapter does not call the SDK\'s GetBucketCORS yet (every CORS scenario also needs OptionObject, which 1.5.0 lacks)',
  DeleteBucketCors: 'the adapter does not call the SDK\'s DeleteBucketCORS yet',
  PutBucketReferer: 'the adapter does not call the SDK\'s SetBucketReferer: its RefererXML has AllowEmptyReferer and RefererList only (type.go)',
  GetBucketReferer: 'the adapter does not call the SDK\'s GetBucketReferer: its RefererXML has no AllowTruncateQueryString, TruncatePath or RefererBlacklist (type.go)',
  AppendObject: 'the adapter does not call the SDK\'s AppendObject yet (the seal scenario needs SealAppendObject, which 1.5.0 lacks)',
};
/** The documents.ts APIs the adapter wires. */
const DOCUMENT_WIRED = new Set<Api>(['PutBucketWebsite', 'GetBucketWebsite', 'DeleteBucketWebsite', 'PutBucketLogging', 'GetBucketLogging', 'DeleteBucketLogging', 'PutSymlink', 'GetSymlink']);

/** What the wired document calls cannot carry: SetBucketWebsite takes an index and an error key, PutSymlink a target. */
function documentLimit(api: Api, r: Record<string, unknown>): string | undefined {
  const allowed: Partial<Record<Api, string[]>> = {
    PutBucketWebsite: ['websiteConfiguration'],
    PutBucketLogging: ['bucketLoggingStatus'],
    PutSymlink: ['target'],
    GetSymlink: [],
  };
  const extra = Object.keys(r).find((k) => !(allowed[api] ?? []).includes(k));
  if (extra) return `the SDK's call for ${api} has no ${extra}`;
  if (api === 'PutBucketWebsite') {
    const w = r.websiteConfiguration as { indexDocument?: Record<string, unknown>; errorDocument?: Record<string, unknown>; routingRules?: unknown } | undefined;
    const more = [...Object.keys(w?.indexDocument ?? {}), ...Object.keys(w?.errorDocument ?? {})].find((k) => k !== 'suffix' && k !== 'key');
    if (more || w?.routingRules !== undefined) return 'SetBucketWebsite takes an index suffix and an error key only (client.go)';
    if (w?.errorDocument?.key === undefined) return 'SetBucketWebsite always sends an ErrorDocument, with an empty Key when none is given (client.go)';
  }
  return undefined;
}

/** Request fields 1.5.0 has no option for, whatever the call. */
const NO_OPTION: [keyof Params, string][] = [
  ['versionId', 'versionId'],
  ['imageProcess', 'x-oss-process (no Process option in 1.5.0)'],
  ['sourceVersionId', 'a source versionId'],
  ['tagging', 'x-oss-tagging'],
  ['taggingDirective', 'x-oss-tagging-directive'],
  ['forbidOverwrite', 'x-oss-forbid-overwrite'],
  ['contentLanguage', 'Content-Language'],
  ['rangeBehavior', 'x-oss-range-behavior'],
  ['completeAll', 'x-oss-complete-all'],
  ['maxParts', 'ListUploadedParts max-parts'],
  ['partNumberMarker', 'ListUploadedParts part-number-marker'],
  ['startAfter', 'start-after'],
  ['continuationToken', 'continuation-token'],
  ['fetchOwner', 'fetch-owner'],
  ['callback', 'x-oss-callback (oss.Callback came later than 1.5.0)'],
  ['callbackVar', 'x-oss-callback-var'],
  ['sequential', 'sequential (oss.Sequential came later than 1.5.0)'],
];

export type GoToolchain = { ok: true; go: string; gopath: string; version: string } | { ok: false; reason: string };

/** The `go` to build with (GO, else PATH) and a GOPATH holding the SDK (GOPATH's entries, then Debian's). */
export async function locateGoV1(env: NodeJS.ProcessEnv = process.env): Promise<GoToolchain> {
  const go = env.GO ?? 'go';
  let version: string;
  try {
    version = (await run(go, ['version'], { env: { ...env, GO111MODULE: 'off' }, timeout: 30_000 })).stdout.trim();
  } catch (err) {
    const e = err as { code?: string };
    return { ok: false, reason: `${e.code === 'ENOENT' ? `${go} not found` : `${go} version failed: ${String(err)}`} (to run the Go SDK v1: ${GO_V1_HOW})` };
  }
  const paths = [...(env.GOPATH ?? '').split(delimiter).filter(Boolean), DEBIAN_GOPATH];
  const gopath = paths.find((p) => existsSync(join(p, 'src', SDK_PACKAGE)));
  if (!gopath) return { ok: false, reason: `the Go SDK v1 (${SDK_PACKAGE}) is in none of ${paths.join(', ')} (to run it: ${GO_V1_HOW})` };
  return { ok: true, go, gopath: [...new Set([gopath, ...paths])].join(delimiter), version };
}

/** The adapter binary, built on first use for this source and toolchain, into the temp dir. */
export async function buildGoV1Adapter(env: NodeJS.ProcessEnv = process.env): Promise<AdapterCommand> {
  const tc = await locateGoV1(env);
  if (!tc.ok) return tc;
  const source = readFileSync(join(ADAPTER_DIR, 'main.go'));
  const id = createHash('sha256').update(source).update(tc.version).update(tc.gopath).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `local-oss-go-v1-${id}`);
  const binary = join(dir, 'go-v1-adapter');
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    // Built under a name of its own and renamed, so that parallel test workers never run a half-written binary.
    const partial = `${binary}.${process.pid}.partial`;
    const buildEnv = {
      ...env,
      GO111MODULE: 'off',
      GOPATH: tc.gopath,
      GOPROXY: 'off',
      GOFLAGS: '',
      GOCACHE: env.GOCACHE ?? join(tmpdir(), 'local-oss-go-cache'),
      CGO_ENABLED: '0',
    };
    try {
      await run(tc.go, ['build', '-o', partial, '.'], { cwd: ADAPTER_DIR, env: buildEnv, timeout: 300_000 });
      renameSync(partial, binary);
    } catch (err) {
      rmSync(partial, { force: true });
      const e = err as { stderr?: string };
      return { ok: false, reason: `building the Go SDK v1 adapter failed: ${(e.stderr ?? String(err)).trim()}` };
    }
  }
  return { ok: true, command: binary, args: [], env };
}

let built: Promise<AdapterCommand> | undefined;

/** buildGoV1Adapter for this process's environment, once. */
export function goV1Adapter(): Promise<AdapterCommand> {
  built ??= buildGoV1Adapter();
  return built;
}

/** What the SDK's exported calls cannot send, checked before a call so the runner reports a skip. */
export function goV1Cannot(api: Api, p: Params): string | undefined {
  const raw = RAW_ONLY_PARAMS.find((k) => p[k] !== undefined);
  if (raw) return `the SDK builds the request itself (${raw})`;
  const missing = NO_CALL[api];
  if (missing) return `the Go SDK v1 1.5.0 has no call for ${missing} (${api})`;
  if (isDocumentApi(api) && !DOCUMENT_WIRED.has(api)) return DOCUMENT_CALLS[api] ?? `the Go SDK v1 1.5.0 has no ${api} call (client.go, bucket.go)`;
  if (isDocumentApi(api)) {
    const why = documentLimit(api, p.request ?? {});
    if (why) return why;
  }
  // Debian's 1.5.0 tree here has no select_object.go; the adapter maps no select call either.
  if (api === 'SelectObject' || api === 'CreateSelectObjectMeta') return `${api} is not mapped in adapters/go_v1_adapter (no select_object.go in the Debian 1.5.0 tree)`;
  // client.go SetBucketACL sends `PUT /<bucket>` with x-oss-acl (the old PutBucketACL form, no `?acl`), which the
  // emulator reads as creating the bucket again (409 BucketAlreadyExists); what OSS does with it today is unknown.
  if (api === 'PutBucketAcl') return 'SetBucketACL sends PUT /<bucket> with x-oss-acl and no ?acl (the old PutBucketACL form)';
  if (api === 'CopierCopy') return 'Bucket.CopyFile copies the bytes by parts and keeps neither metadata nor tags, unlike a copy manager';
  const option = NO_OPTION.find(([k]) => p[k] !== undefined);
  if (option) return `the Go SDK v1 1.5.0 has no option for ${option[1]}`;
  if (p.storageClass !== undefined && api !== 'PutBucket') return 'StorageClass is a CreateBucket argument in 1.5.0, not an object header';
  // Conn.getURL escapes keys with url.QueryEscape: a space goes out as `+`, which OSS reads as a plus sign.
  for (const k of [p.key, api === 'CopyObject' ? p.sourceKey : undefined]) {
    if (k !== undefined && k.includes(' ')) return 'the SDK escapes keys with url.QueryEscape, sending a space as "+" (a literal plus to OSS)';
  }
  // UploadPartCopy puts the source key into x-oss-copy-source unescaped (multipart.go).
  if (api === 'UploadPartCopy') {
    if (p.sourceRange === undefined) return 'UploadPartCopy takes a start and a size: it always sends a source range';
    if (p.sourceKey !== undefined && !/^[A-Za-z0-9/._~-]*$/.test(p.sourceKey)) return 'UploadPartCopy sends the source key unescaped';
  }
  // Dates are time.Time options, sent re-formatted (http.TimeFormat): only a date in that form goes out as given.
  for (const [k, v] of [['expires', p.expires], ['ifModifiedSince', p.ifModifiedSince], ['ifUnmodifiedSince', p.ifUnmodifiedSince]] as const) {
    if (v !== undefined && (Number.isNaN(Date.parse(v)) || new Date(v).toUTCString() !== v)) return `${k} is a time.Time option, sent re-formatted (${v} would not go out as given)`;
  }
  // CompleteMultipartUpload sorts the part list (sort.Sort(uploadParts(parts))).
  if (api === 'CompleteMultipartUpload') {
    const numbers = (p.parts ?? []).map((x) => x.partNumber);
    if (numbers.some((n, i) => i > 0 && n <= numbers[i - 1]!)) return 'CompleteMultipartUpload sorts the part list before sending';
  }
  return undefined;
}

export class GoV1Driver extends StdioAdapterDriver {
  readonly name = 'go-v1';

  protected command(): Promise<AdapterCommand> {
    return goV1Adapter();
  }

  withCredentials(credentials: Credentials): GoV1Driver {
    return new GoV1Driver({ ...this.target, ...credentials });
  }

  cannot(api: Api, p: Params): string | undefined {
    if (api.endsWith('MetaQuery') || api === 'GetMetaQueryStatus') return 'the Go SDK v1 (1.5.0, Debian) has no MetaQuery calls';
    const notWired = NOT_WIRED[api];
    if (notWired) return `the adapter does not call the SDK's ${notWired} yet`;
    return goV1Cannot(api, p);
  }
}
