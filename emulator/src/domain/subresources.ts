// Which query names select an OSS API, as opposed to parameters of the API they select. A request is routed on
// its selectors alone: a selector the emulator does not serve is refused (NotImplemented), never answered as the
// plain operation of the same method (DELETE ?tagging once deleted the bucket: ../shared/evidence/
// sdk-suites-2026-12-01.md "Safety"). Other query names are parameters, and unknown ones are ignored, as OSS
// ignores them.
//
// Sources: the V1 signers' sub-resource sets (PY2 `signer/v1.py` `_subresource_key_set`, oss2 `auth.py`
// `_subresource_key_set`), PY2's operation tables (`'sub-resource': [...]` in `operations/*.py`), the OSS API
// reference's request syntax of each API, and the signature doc's sub-resource list. The parameters in those sets
// (`partNumber`, `position`, `versionId`, `response-*`, `security-token`, `continuation-token`, `x-oss-ac-*` …)
// are left out.

/** Every selector OSS has, served or not. */
export const OSS_SELECTORS: ReadonlySet<string> = new Set([
  // objects and multipart
  'acl', 'append', 'uploads', 'uploadId', 'objectMeta', 'objectInfo', 'tagging', 'symlink', 'restore',
  'cleanRestoredObject', 'seal', 'retention', 'legalHold', 'x-oss-process', 'x-oss-async-process',
  'x-oss-write-get-object-response', 'asyncFetch', 'delete',
  // buckets
  'bucketInfo', 'location', 'stat', 'versions', 'versioning', 'worm', 'wormId', 'wormExtend', 'objectWorm',
  'policy', 'policyStatus', 'cors', 'lifecycle', 'logging', 'userDefinedLogFieldsConfig', 'website', 'referer',
  'encryption', 'inventory', 'replication', 'replicationLocation', 'replicationProgress', 'rtc', 'cname',
  'requestPayment', 'transferAcceleration', 'resourceGroup', 'style', 'httpsConfig', 'accessmonitor',
  'bucketArchiveDirectRead', 'overwriteConfig', 'redundancyTransition', 'publicAccessBlock', 'accessPoint',
  'accessPointPolicy', 'metaQuery', 'MetaQuery', 'dataPipeline', 'qos', 'qosInfo', 'requesterQosInfo',
  'qosRequester', 'resourcePool', 'resourcePoolInfo', 'resourcePoolBuckets', 'img', 'live', 'vod', 'group', 'link',
  // service
  'regions', 'regionList', 'cloudboxes',
  // `comp` picks a sub-API of another selector (`?policy&comp=callback` is the bucket callback policy, not the
  // access policy; `?cname&comp=token`, `?live&comp=…`, `?metaQuery&comp=add`): as a selector, a route serves it only
  // where it lists it, so DELETE ?policy&comp=callback no longer deletes the access policy (docs/sdk-suites.md D1).
  'comp',
  // The access point a `?publicAccessBlock` request is about (Put/Get/DeleteAccessPointPublicAccessBlock): a
  // sub-resource in PY2's operation metadata (`'sub-resource': ['publicAccessBlock', 'x-oss-access-point-name']`), so
  // only the routes listing it serve it, and the bucket's own ?publicAccessBlock never answers for an access point.
  'x-oss-access-point-name',
]);

/**
 * Parameters that change what an API does, honoured only by the routes that list them in `modifiers` (app.ts):
 * upload callbacks on PutObject and CompleteMultipartUpload (behaviour §9.14), sequential multipart on the multipart
 * APIs (§9.15). Anywhere else they are refused like an unserved selector, since ignoring them would answer a request
 * it did not serve (a callback nobody sends).
 */
export const UNSERVED_MODIFIERS: ReadonlySet<string> = new Set(['callback', 'callback-var', 'sequential']);

/** Headers that ask for such a behaviour (x-oss-callback), likewise honoured only where a route lists them. */
export const UNSERVED_HEADERS: readonly string[] = ['x-oss-callback', 'x-oss-callback-var'];

/** The callback modifiers, query and header forms (behaviour §9.14). */
export const CALLBACK_MODIFIERS: readonly string[] = ['callback', 'callback-var', 'x-oss-callback', 'x-oss-callback-var'];

/** The selectors among a request's query names. */
export function selectorsOf(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const name of names) if (OSS_SELECTORS.has(name)) out.add(name);
  return out;
}

export interface Selecting {
  /** The selector the route serves (`acl`), or undefined for the plain operation. */
  sub?: string;
  /** Further selectors that are parameters of this API (`wormId` beside `wormExtend`). */
  with?: readonly string[];
}

/** Whether a route serves exactly this set of selectors: the plain operation only a request without any. */
export function servesSelectors(route: Selecting, selectors: ReadonlySet<string>): boolean {
  if (route.sub === undefined) return selectors.size === 0;
  if (!selectors.has(route.sub)) return false;
  for (const s of selectors) if (s !== route.sub && !route.with?.includes(s)) return false;
  return true;
}
