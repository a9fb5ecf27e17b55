// ListBuckets (GetService): GET / on the service host. Spec §9; DOCS "ListBuckets (GetService)".
import { OWNER } from '../domain/owner.js';
import type { OssContext } from '../http/state.js';
import { isoDate, sendXml } from '../http/render.js';
import { bucketEndpoints, locationOf } from './endpoints.js';
import { MAX_KEYS_EC, parseMaxKeys } from './params.js';

export function listBuckets(ctx: OssContext): void {
  const q = ctx.state.query;
  const prefix = q.get('prefix') ?? '';
  const marker = q.get('marker') ?? '';
  const maxKeys = parseMaxKeys(q.get('max-keys'), 100, 'max-keys', MAX_KEYS_EC.listBuckets);
  const page = ctx.state.store.buckets.list({ prefix, marker, limit: maxKeys + 1 });
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
      StorageClass: b.storageClass,
    })),
  };
  sendXml(ctx, 'ListAllMyBucketsResult', body);
}
