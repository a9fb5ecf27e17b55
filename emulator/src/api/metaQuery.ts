// OpenMetaQuery (`POST ?metaQuery&comp=add`), GetMetaQueryStatus (`GET ?metaQuery`), DoMetaQuery
// (`POST ?metaQuery&comp=query`), CloseMetaQuery (`POST ?metaQuery&comp=delete`): scalar search over the bucket's
// current objects (behaviour §17.2). The index is a bucket document naming when it was opened; a query reads the
// object table page by page and keeps only one answer page (domain/metaQuery.ts TopRows) and the aggregations.
// Semantic search (mode=semantic) needs another Alibaba Cloud service and is refused (NotImplemented).
import { OssError } from '../domain/errors.js';
import {
  Aggregator,
  encodeToken,
  isAfter,
  matches,
  metaQueryState,
  orderOf,
  parseMetaQueryRequest,
  TopRows,
  type AggregationResult,
  type MetaQueryRow,
} from '../domain/metaQuery.js';
import type { ObjectVersionRecord } from '../domain/types.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

interface MetaQueryDocument {
  mode: 'basic';
  createdAt: number;
}

/** How many rows a query reads from the store at a time. */
const SCAN_PAGE = 500;

function refuseSemantic(ctx: OssContext): void {
  const mode = ctx.state.query.get('mode');
  if (mode !== undefined && mode !== '' && mode !== 'basic') throw new OssError('NotImplemented');
}

function documentOf(ctx: OssContext, bucket: string): MetaQueryDocument {
  const doc = ctx.state.store.buckets.getDocument<MetaQueryDocument>(bucket, 'metaQuery');
  if (doc === undefined) throw new OssError('MetaQueryNotExist', { BucketName: bucket });
  return doc;
}

export function openMetaQuery(ctx: OssContext): void {
  refuseSemantic(ctx);
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    if (ctx.state.store.buckets.getDocument(bucket.name, 'metaQuery') !== undefined) {
      throw new OssError('MetaQueryAlreadyExist', { BucketName: bucket.name });
    }
    const doc: MetaQueryDocument = { mode: 'basic', createdAt: ctx.state.config.clock.now() };
    ctx.state.store.buckets.setDocument(bucket.name, 'metaQuery', doc);
  });
  sendEmpty(ctx);
}

export function getMetaQueryStatus(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const doc = documentOf(ctx, bucket.name);
  const { state, phase, updatedAt } = metaQueryState(doc.createdAt, ctx.state.config.clock.now());
  // Element order of oss2's unittest mock (test_get_bucket_meta_query) with PY2's MetaQueryMode after them.
  sendXml(ctx, 'MetaQueryStatus', {
    State: state,
    Phase: phase,
    CreateTime: new Date(doc.createdAt).toISOString(),
    UpdateTime: new Date(updatedAt).toISOString(),
    MetaQueryMode: doc.mode,
  });
}

export function closeMetaQuery(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    documentOf(ctx, bucket.name);
    ctx.state.store.buckets.setDocument(bucket.name, 'metaQuery', undefined);
  });
  sendEmpty(ctx);
}

function rowOf(o: ObjectVersionRecord): MetaQueryRow {
  return {
    filename: o.key,
    size: o.size,
    modified: o.lastModified,
    etag: o.etag,
    objectAcl: o.acl,
    objectType: o.objectType,
    storageClass: o.storageClass,
    crc64: o.crc64,
    tags: o.tags,
    userMeta: o.metadata.user,
    standard: o.metadata.standard,
    ...(o.encryption ? { serverSideEncryption: o.encryption.algorithm } : {}),
    ...(o.encryption?.keyId ? { serverSideEncryptionKeyId: o.encryption.keyId } : {}),
    ...(o.encryption?.dataAlgorithm ? { serverSideDataEncryption: o.encryption.dataAlgorithm } : {}),
  };
}

/** `2025-05-19T08:15:33Z`: RFC 3339, as the API reference's FileModifiedTime (in UTC here). */
function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A `<File>` in the API reference sample's element order; the standard headers only when the object has them. */
function fileXml(r: MetaQueryRow): Record<string, unknown> {
  const standard: [string, string][] = [
    ['ContentType', 'content-type'],
    ['ContentEncoding', 'content-encoding'],
    ['ContentLanguage', 'content-language'],
    ['ContentDisposition', 'content-disposition'],
    ['CacheControl', 'cache-control'],
  ];
  const file: Record<string, unknown> = {
    Filename: r.filename,
    Size: String(r.size),
    FileModifiedTime: rfc3339(r.modified),
    OSSObjectType: r.objectType,
    OSSStorageClass: r.storageClass,
    ObjectACL: r.objectAcl,
    ETag: `"${r.etag}"`,
    OSSCRC64: r.crc64,
  };
  for (const [element, header] of standard) if (r.standard[header]) file[element] = r.standard[header];
  if (r.serverSideEncryption) file.ServerSideEncryption = r.serverSideEncryption;
  if (r.serverSideEncryptionKeyId) file.ServerSideEncryptionKeyId = r.serverSideEncryptionKeyId;
  if (r.serverSideDataEncryption) file.ServerSideDataEncryption = r.serverSideDataEncryption;
  file.OSSTaggingCount = String(r.tags.length);
  if (r.tags.length > 0) file.OSSTagging = { Tagging: r.tags.map((t) => ({ Key: t.key, Value: t.value })) };
  const meta = Object.entries(r.userMeta);
  if (meta.length > 0) file.OSSUserMeta = { UserMeta: meta.map(([k, v]) => ({ Key: `x-oss-meta-${k}`, Value: v })) };
  return file;
}

function aggregationXml(a: AggregationResult): Record<string, unknown> {
  return {
    Field: a.field,
    Operation: a.operation,
    ...(a.value !== undefined ? { Value: String(a.value) } : {}),
    ...(a.groups !== undefined ? { Groups: { Group: a.groups.map((g) => ({ Value: g.value, Count: String(g.count) })) } } : {}),
  };
}

export async function doMetaQuery(ctx: OssContext): Promise<void> {
  refuseSemantic(ctx);
  const bucket = requireBucket(ctx);
  documentOf(ctx, bucket.name);
  const req = parseMetaQueryRequest(await readXml(ctx));
  const order = orderOf(req);
  // One row more than a page tells whether there is a next one.
  const top = new TopRows(req.maxResults + 1, order);
  const aggregator = new Aggregator(req.aggregations);
  const objects = ctx.state.store.objects;
  for (let after = ''; ; ) {
    const page = objects.currentAfter(bucket.name, after, SCAN_PAGE);
    for (const o of page) {
      const row = rowOf(o);
      if (!matches(req.query, row)) continue;
      aggregator.add(row);
      if (isAfter(req, row)) top.offer(row);
    }
    if (page.length < SCAN_PAGE) break;
    after = page[page.length - 1]!.key;
  }
  const rows = top.rows.slice(0, req.maxResults);
  const more = top.rows.length > req.maxResults;
  const body: Record<string, unknown> = {
    // Always present (oss2's parser requires it), empty on the last page.
    NextToken: more ? encodeToken(rows[rows.length - 1]!, req.sort) : '',
    Files: rows.length > 0 ? { File: rows.map(fileXml) } : '',
  };
  if (req.aggregations.length > 0) body.Aggregations = { Aggregation: aggregator.results().map(aggregationXml) };
  sendXml(ctx, 'MetaQuery', body);
}
