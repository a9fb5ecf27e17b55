// Multipart uploads (PY2 models/object_basic.py InitiateMultipartUpload … ListMultipartUploads) in camelCase.
import type { Body } from '../transport.js';
import type { ResultBase } from './common.js';
import type { CallbackFields, ObjectHeaders } from './object.js';

/** What names an upload (the object it will become and its upload id). */
export interface UploadTarget {
  bucket: string;
  key: string;
  uploadId: string;
}

export interface InitiateMultipartUploadRequest extends ObjectHeaders {
  bucket: string;
  key: string;
  /**
   * `?sequential`: parts must be uploaded in order, and the completed object gets a Content-MD5. PY2's model has
   * no field for it (PY2 sends it through the request's parameters, as GO2's Uploader and oss2 do).
   */
  sequential?: boolean;
}

export interface InitiateMultipartUploadResult extends ResultBase {
  uploadId: string;
}

export interface UploadPartRequest extends UploadTarget {
  partNumber: number;
  body: Body;
}

export interface UploadPartResult extends ResultBase {
  etag?: string;
  hashCrc64?: string;
}

export interface UploadPartCopyRequest extends UploadTarget {
  partNumber: number;
  sourceBucket?: string;
  sourceKey: string;
  sourceVersionId?: string;
  sourceRange?: string;
  ifMatch?: string;
}

export interface UploadPartCopyResult extends ResultBase {
  etag?: string;
  lastModified?: Date;
  sourceVersionId?: string;
}

/** A part named in CompleteMultipartUpload. */
export interface UploadPart {
  partNumber: number;
  etag: string;
}

export interface CompleteMultipartUploadRequest extends UploadTarget, CallbackFields {
  parts?: UploadPart[];
  completeAll?: boolean;
  acl?: string;
  forbidOverwrite?: boolean;
}

export interface CompleteMultipartUploadResult extends ResultBase {
  etag?: string;
  hashCrc64?: string;
  versionId?: string;
  /** With a callback: the callback server's JSON answer (PY2 callback_result), instead of the result document. */
  callbackResult?: Record<string, unknown>;
}

export type AbortMultipartUploadRequest = UploadTarget;

export type AbortMultipartUploadResult = ResultBase;

export interface ListPartsRequest extends UploadTarget {
  maxParts?: number;
  partNumberMarker?: number;
}

export interface Part {
  partNumber: number;
  etag?: string;
  size?: number;
  hashCrc64?: string;
}

export interface ListPartsResult extends ResultBase {
  isTruncated: boolean;
  nextPartNumberMarker?: number;
  parts: Part[];
}

export interface ListMultipartUploadsRequest {
  bucket: string;
  prefix?: string;
  keyMarker?: string;
  uploadIdMarker?: string;
  maxUploads?: number;
}

export interface Upload {
  key: string;
  uploadId: string;
  initiated?: string;
}

export interface ListMultipartUploadsResult extends ResultBase {
  isTruncated: boolean;
  nextKeyMarker?: string;
  nextUploadIdMarker?: string;
  uploads: Upload[];
}
