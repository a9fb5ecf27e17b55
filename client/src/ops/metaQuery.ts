// MetaQuery scalar search (PY2 open_meta_query, get_meta_query_status, do_meta_query, close_meta_query):
// `?metaQuery` with `comp=add|query|delete` on a bucket.
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, num, str, type Node, type Query, type Wire } from './wire.js';

function query(comp: string | undefined, mode: string | undefined): Query {
  return [['metaQuery', undefined], ...(comp ? ([['comp', comp]] as Query) : []), ...(mode ? ([['mode', mode]] as Query) : [])];
}

export async function openMetaQuery(wire: Wire, req: M.OpenMetaQueryRequest): Promise<M.OpenMetaQueryResult> {
  return base(await wire.send({ method: 'POST', bucket: req.bucket, query: query('add', req.mode) }));
}

export async function getMetaQueryStatus(wire: Wire, req: M.GetMetaQueryStatusRequest): Promise<M.GetMetaQueryStatusResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: query(undefined, undefined) });
  const root = (await wire.xml(res)).MetaQueryStatus as Node | undefined;
  return {
    ...base(res),
    metaQueryStatus: {
      createTime: str(root, 'CreateTime'),
      updateTime: str(root, 'UpdateTime'),
      state: str(root, 'State'),
      phase: str(root, 'Phase'),
      metaQueryMode: str(root, 'MetaQueryMode'),
    },
  };
}

function aggregations(node: unknown): M.MetaQueryAggregations {
  return {
    aggregations: asArray((node as Node | undefined)?.Aggregation as Node[]).map((a) => ({
      field: str(a, 'Field'),
      operation: str(a, 'Operation'),
      value: num(str(a, 'Value')),
      ...(a.Groups !== undefined
        ? {
            groups: {
              groups: asArray((a.Groups as Node).Group as Node[]).map((g) => ({ value: str(g, 'Value'), count: num(str(g, 'Count')) })),
            },
          }
        : {}),
    })),
  };
}

export async function doMetaQuery(wire: Wire, req: M.DoMetaQueryRequest): Promise<M.DoMetaQueryResult> {
  const q = req.metaQuery;
  const body = buildXml('MetaQuery', {
    ...(q.nextToken !== undefined ? { NextToken: q.nextToken } : {}),
    ...(q.maxResults !== undefined ? { MaxResults: String(q.maxResults) } : {}),
    ...(q.query !== undefined ? { Query: q.query } : {}),
    ...(q.sort !== undefined ? { Sort: q.sort } : {}),
    ...(q.order !== undefined ? { Order: q.order } : {}),
    ...(q.aggregations?.aggregations?.length
      ? { Aggregations: { Aggregation: q.aggregations.aggregations.map((a) => ({ Field: a.field, Operation: a.operation })) } }
      : {}),
  });
  const res = await wire.send({ method: 'POST', bucket: req.bucket, query: query('query', req.mode), body });
  const root = (await wire.xml(res)).MetaQuery as Node | undefined;
  const files = asArray((root?.Files as Node | undefined)?.File as Node[]).map(
    (f): M.MetaQueryFile => ({
      filename: str(f, 'Filename'),
      size: num(str(f, 'Size')),
      fileModifiedTime: str(f, 'FileModifiedTime'),
      ossObjectType: str(f, 'OSSObjectType'),
      ossStorageClass: str(f, 'OSSStorageClass'),
      objectAcl: str(f, 'ObjectACL'),
      etag: str(f, 'ETag'),
      ossCrc64: str(f, 'OSSCRC64'),
      contentType: str(f, 'ContentType'),
      serverSideEncryption: str(f, 'ServerSideEncryption'),
      ossTaggingCount: num(str(f, 'OSSTaggingCount')),
      ossTagging: { taggings: asArray((f.OSSTagging as Node | undefined)?.Tagging as Node[]).map((t) => ({ key: str(t, 'Key'), value: str(t, 'Value') })) },
      ossUserMeta: { userMetas: asArray((f.OSSUserMeta as Node | undefined)?.UserMeta as Node[]).map((t) => ({ key: str(t, 'Key'), value: str(t, 'Value') })) },
    }),
  );
  return {
    ...base(res),
    files,
    ...(root?.Aggregations !== undefined ? { aggregations: aggregations(root.Aggregations) } : {}),
    nextToken: str(root, 'NextToken') ?? '',
  };
}

export async function closeMetaQuery(wire: Wire, req: M.CloseMetaQueryRequest): Promise<M.CloseMetaQueryResult> {
  return base(await wire.send({ method: 'POST', bucket: req.bucket, query: query('delete', undefined) }));
}
