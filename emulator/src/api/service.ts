// ListBuckets (GetService): GET / on the service host. Spec §9; DOCS "ListBuckets (GetService)". tag-key / tag-value
// and tagging keep the buckets that have those tags (behaviour §14.1).
import { invalidArgument } from '../domain/errors.js';
import type { TagFilter } from '../store/buckets.js';
import type { Query } from '../http/query.js';
import { OWNER } from '../domain/owner.js';
import type { OssContext } from '../http/state.js';
import type { BucketRecord } from '../domain/types.js';
import { resourceGroupOf } from './bucketSwitches.js';
import { isoDate, sendXml } from '../http/render.js';
import { bucketEndpoints, locationOf } from './endpoints.js';
import { MAX_KEYS_EC, parseMaxKeys } from './params.js';

/**
 * The tag conditions of a ListBuckets: `tag-key` (with `tag-value`: that pair) [S] OSS2 live
 * test_list_bucket_with_tagging, or `tagging`, pairs that must all match written `"k1":"v1","k2":"v2"` [S] PY2 live
 * tests/integration/test_client.py test_list_buckets_with_tag_filter. PY2's ListBucketsRequest says tag-value needs
 * tag-key and that tagging excludes both; those refusals' code and message are [I] (InvalidArgument).
 */
export function tagFilters(q: Query): TagFilter[] {
  const key = q.get('tag-key') || undefined;
  const value = q.get('tag-value');
  const tagging = q.get('tagging');
  if (value !== undefined && key === undefined) throw invalidArgument('InvalidArgumentTagValue', 'tag-value', value);
  if (tagging !== undefined) {
    if (key !== undefined) throw invalidArgument('InvalidArgumentTagging', 'tagging', tagging);
    let parsed: unknown;
    try {
      parsed = JSON.parse(tagging.trim().startsWith('{') ? tagging : `{${tagging}}`);
    } catch {
      throw invalidArgument('InvalidArgumentTagging', 'tagging', tagging);
    }
    const pairs = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : [];
    if (pairs.length === 0 || pairs.some(([, v]) => typeof v !== 'string')) throw invalidArgument('InvalidArgumentTagging', 'tagging', tagging);
    return pairs.map(([k, v]) => ({ key: k, value: v as string }));
  }
  return key === undefined ? [] : [{ key, ...(value !== undefined ? { value } : {}) }];
}

export function listBuckets(ctx: OssContext): void {
  const q = ctx.state.query;
  const prefix = q.get('prefix') ?? '';
  const marker = q.get('marker') ?? '';
  const maxKeys = parseMaxKeys(q.get('max-keys'), 100, 'max-keys', MAX_KEYS_EC.listBuckets);
  const tags = tagFilters(q);
  // x-oss-resource-group-id (or the resource-group-id parameter) lists the buckets of that group only (oss2 live
  // tests/test_bucket.py test_bucket_with_group_id); a bucket's group is the default one until
  // PutBucketResourceGroup moves it (api/bucketSwitches.ts).
  const group = ctx.get('x-oss-resource-group-id') || (q.get('resource-group-id') ?? '');
  const page = listInGroup(ctx, { prefix, marker, limit: maxKeys + 1, tags }, group);
  const truncated = page.length > maxKeys;
  const buckets = page.slice(0, maxKeys);
  const body: Record<string, unknown> = {};
  // The paging elements appear when the request used paging (DOCS sample responses).
  if (q.has('prefix')) body.Prefix = prefix;
  if (q.has('marker')) body.Marker = marker;
  if (q.has('max-keys')) body.MaxKeys = String(maxKeys);
  if (q.has('prefix') || q.has('marker') || q.has('max-keys') || truncated) {
    body.IsTruncated = String(truncated);
    if (truncated) body.NextMarker = buckets[buckets.length - 1]!.name;
  }
  body.Owner = { ...OWNER };
  body.Buckets = {
    Bucket: buckets.map((b) => ({
      CreationDate: isoDate(b.createdAt),
      ExtranetEndpoint: bucketEndpoints(ctx, b.region).extranet,
      IntranetEndpoint: bucketEndpoints(ctx, b.region).intranet,
      Location: locationOf(b.region),
      Name: b.name,
      Region: b.region,
      // The group GetBucketInfo names (the elements here are in alphabetical order, as in the DOCS sample).
      ResourceGroupId: resourceGroupOf(ctx.state.store, b.name),
      StorageClass: b.storageClass,
    })),
  };
  sendXml(ctx, 'ListAllMyBucketsResult', body);
}

/** A page of buckets, only those of `group` when one is named (pages of the store filtered until full). */
function listInGroup(
  ctx: OssContext,
  opts: { prefix: string; marker: string; limit: number; tags: ReturnType<typeof tagFilters> },
  group: string,
): BucketRecord[] {
  const store = ctx.state.store;
  if (group === '') return store.buckets.list(opts);
  const out: BucketRecord[] = [];
  let marker = opts.marker;
  for (;;) {
    const page = store.buckets.list({ ...opts, marker });
    out.push(...page.filter((b) => resourceGroupOf(store, b.name) === group));
    if (out.length >= opts.limit || page.length < opts.limit) return out.slice(0, opts.limit);
    marker = page[page.length - 1]!.name;
  }
}
