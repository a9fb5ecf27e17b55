// Object models (PY2 models/object_basic.py) in camelCase.
import type { Readable } from 'node:stream';
import type { Body } from '../transport.js';
import type { ResultBase } from './common.js';

export interface ObjectHeaders {
  contentType?: string;
  contentMd5?: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  expires?: string;
  metadata?: Record<string, string>;
  acl?: string;
  storageClass?: string;
  tagging?: string;
  forbidOverwrite?: boolean;
  serverSideEncryption?: string;
  serverSideDataEncryption?: string;
  serverSideEncryptionKeyId?: string;
}

/** PY2's callback / callback_var: base64 JSON documents sent as x-oss-callback / x-oss-callback-var. */
export interface CallbackFields {
  callback?: string;
  callbackVar?: string;
}

export interface PutObjectRequest extends ObjectHeaders, CallbackFields {
  bucket: string;
  key: string;
  body?: Body;
}

export interface PutObjectResult extends ResultBase {
  contentMd5?: string;
  etag?: string;
  hashCrc64?: string;
  versionId?: string;
  /** With a callback: the callback server's JSON answer (PY2 callback_result). A failed callback throws CallbackFailed. */
  callbackResult?: Record<string, unknown>;
}

export interface AppendObjectRequest extends ObjectHeaders {
  bucket: string;
  key: string;
  position: number;
  body?: Body;
}

export interface AppendObjectResult extends ResultBase {
  versionId?: string;
  hashCrc64?: string;
  nextPosition?: number;
  serverSideEncryption?: string;
}

export interface ObjectTarget {
  bucket: string;
  key: string;
  versionId?: string;
}

export interface GetObjectRequest extends ObjectTarget {
  range?: string;
  rangeBehavior?: 'standard';
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  ifUnmodifiedSince?: string;
  responseContentType?: string;
  responseContentDisposition?: string;
  /** x-oss-process on GET (image/… or style/…; PY2 GetObjectRequest.process). Not sent on HEAD. */
  process?: string;
}

export type HeadObjectRequest = GetObjectRequest;

/** PY2 ProcessObjectRequest: `process` is `image/…|sys/saveas,o_…,b_…`. */
export interface ProcessObjectRequest extends ObjectTarget {
  process: string;
}

/** PY2 ProcessObjectResult, from the JSON answer (`bucket`, `fileSize`, `object`, `status`). */
export interface ProcessObjectResult extends ResultBase {
  bucket?: string;
  fileSize?: number;
  key?: string;
  processStatus?: string;
}

export interface HeadObjectResult extends ResultBase {
  contentLength?: number;
  contentType?: string;
  contentRange?: string;
  etag?: string;
  lastModified?: Date;
  contentMd5?: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  expires?: string;
  hashCrc64?: string;
  storageClass?: string;
  objectType?: string;
  versionId?: string;
  taggingCount?: number;
  metadata: Record<string, string>;
  nextAppendPosition?: number;
  serverSideEncryption?: string;
  serverSideDataEncryption?: string;
  serverSideEncryptionKeyId?: string;
  /** x-oss-restore: `ongoing-request="true"` or `ongoing-request="false", expiry-date="…"`. */
  restore?: string;
  /** x-oss-sealed-time of a sealed appendable object. */
  sealedTime?: string;
}

export interface GetObjectResult extends HeadObjectResult {
  body: Readable;
  /** Reads the whole body (checking the CRC-64 of a full download unless disabled). */
  content(): Promise<Buffer>;
}

export type GetObjectMetaRequest = ObjectTarget;

export type GetObjectMetaResult = HeadObjectResult;

export type DeleteObjectRequest = ObjectTarget;

export interface DeleteObjectResult extends ResultBase {
  versionId?: string;
  deleteMarker?: boolean;
}

/** An object named in DeleteMultipleObjects. */
export interface DeleteObject {
  key: string;
  versionId?: string;
}

export interface DeleteMultipleObjectsRequest {
  bucket: string;
  objects: DeleteObject[];
  quiet?: boolean;
  encodingType?: 'url';
}

export interface DeletedInfo {
  key?: string;
  versionId?: string;
  deleteMarker?: boolean;
  deleteMarkerVersionId?: string;
}

export interface DeleteMultipleObjectsResult extends ResultBase {
  deletedObjects: DeletedInfo[];
  encodingType?: string;
}
