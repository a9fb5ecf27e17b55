// Listings (PY2 ListObjectsRequest/V2, ListObjectVersions) in camelCase.
import type { Owner, ResultBase } from './common.js';

export interface ListObjectsRequest {
  bucket: string;
  prefix?: string;
  delimiter?: string;
  marker?: string;
  maxKeys?: number;
  encodingType?: 'url';
}

export interface ListObjectsV2Request {
  bucket: string;
  prefix?: string;
  delimiter?: string;
  startAfter?: string;
  continuationToken?: string;
  maxKeys?: number;
  fetchOwner?: boolean;
  encodingType?: 'url';
}

export interface ObjectProperties {
  key: string;
  objectType?: string;
  size?: number;
  etag?: string;
  lastModified?: Date;
  storageClass?: string;
  owner?: Owner;
  /** RestoreInfo (PY2 ObjectProperties.restore_info). */
  restoreInfo?: string;
}

export interface CommonPrefix {
  prefix: string;
}

export interface ListObjectsResult extends ResultBase {
  name?: string;
  prefix?: string;
  marker?: string;
  nextMarker?: string;
  startAfter?: string;
  continuationToken?: string;
  nextContinuationToken?: string;
  keyCount?: number;
  maxKeys?: number;
  delimiter?: string;
  isTruncated: boolean;
  encodingType?: string;
  contents: ObjectProperties[];
  commonPrefixes: CommonPrefix[];
}

export type ListObjectsV2Result = ListObjectsResult;

export interface ListObjectVersionsRequest {
  bucket: string;
  prefix?: string;
  delimiter?: string;
  keyMarker?: string;
  versionIdMarker?: string;
  maxKeys?: number;
  encodingType?: 'url';
}

export interface ObjectVersionProperties extends ObjectProperties {
  versionId?: string;
  isLatest?: boolean;
}

export interface ListObjectVersionsResult extends ResultBase {
  isTruncated: boolean;
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
  versions: ObjectVersionProperties[];
  deleteMarkers: ObjectVersionProperties[];
  commonPrefixes: CommonPrefix[];
}
