// MetaQuery models (scalar search), named after PY2 models/bucket_meta_query.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface OpenMetaQueryRequest extends BucketTarget {
  /** `basic` (scalar search); `semantic` needs another service and is refused by local-oss. */
  mode?: string;
}
export type OpenMetaQueryResult = ResultBase;

export type GetMetaQueryStatusRequest = BucketTarget;
export interface MetaQueryStatus {
  createTime?: string;
  updateTime?: string;
  /** Ready, Running, Retrying, Failed, Deleted */
  state?: string;
  /** FullScanning, IncrementalScanning */
  phase?: string;
  metaQueryMode?: string;
}
export interface GetMetaQueryStatusResult extends ResultBase {
  metaQueryStatus: MetaQueryStatus;
}

export interface MetaQueryAggregation {
  field?: string;
  operation?: string;
  value?: number;
  groups?: { groups?: { value?: string; count?: number }[] };
}
export interface MetaQueryAggregations {
  aggregations?: MetaQueryAggregation[];
}

export interface MetaQuery {
  aggregations?: MetaQueryAggregations;
  nextToken?: string;
  maxResults?: number;
  /** The query JSON, e.g. `{"Field": "Size","Value": "1048576","Operation": "gt"}` */
  query?: string;
  sort?: string;
  /** asc | desc */
  order?: string;
}

export interface DoMetaQueryRequest extends BucketTarget {
  mode?: string;
  metaQuery: MetaQuery;
}

export interface MetaQueryFile {
  filename?: string;
  size?: number;
  fileModifiedTime?: string;
  ossObjectType?: string;
  ossStorageClass?: string;
  objectAcl?: string;
  etag?: string;
  ossCrc64?: string;
  contentType?: string;
  serverSideEncryption?: string;
  ossTaggingCount?: number;
  ossTagging?: { taggings?: { key?: string; value?: string }[] };
  ossUserMeta?: { userMetas?: { key?: string; value?: string }[] };
}

export interface DoMetaQueryResult extends ResultBase {
  files?: MetaQueryFile[];
  aggregations?: MetaQueryAggregations;
  nextToken?: string;
}

export type CloseMetaQueryRequest = BucketTarget;
export type CloseMetaQueryResult = ResultBase;
