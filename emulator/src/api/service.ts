// ListBuckets (GetService): GET / on the service host. Spec §9; DOCS "ListBuckets (GetService)". tag-key / tag-value
// and tagging keep the buckets that have those tags (behaviour §14.1).
import { invalidArgument } from '../domain/errors.js';
import type { TagFilter } from '../store/buckets.js';
import type { Query } from '../http/query.js';
import { OWNER } from '../domain/owner.js';
import type { OssContext } from '../http/state.js';
import { DEFAULT_RESOURCE_GROUP } from './bucket.js';
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
  // Every bucket is in the default resource group (api/bucket.ts), so x-oss-resource-group-id (or the
  // resource-group-id parameter) lists all of them for
  // that group and none for another (oss2 live tests/test_bucket.py test_bucket_with_group_id).
  const group = ctx.get('x-oss-resource-group-id') || (q.get('resource-group-id') ?? '');
  const page = group !== '' && group !== DEFAULT_RESOURCE_GROUP ? [] : ctx.state.store.buckets.list({ prefix, marker, limit: maxKeys + 1, tags });
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
      ResourceGroupId: DEFAULT_RESOURCE_GROUP,
      StorageClass: b.storageClass,
    })),
  };
  sendXml(ctx, 'ListAllMyBucketsResult', body);
}
