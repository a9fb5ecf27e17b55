// CopyObject (PY2 CopyObjectRequest / CopyObjectResult, behaviour §11), camelCase.
import type { ResultBase } from './common.js';

export interface CopyObjectRequest {
  bucket: string;
  key: string;
  sourceBucket?: string;
  sourceKey: string;
  sourceVersionId?: string;
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  ifUnmodifiedSince?: string;
  acl?: string;
  storageClass?: string;
  metadata?: Record<string, string>;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  expires?: string;
  contentType?: string;
  contentLanguage?: string;
  metadataDirective?: 'COPY' | 'REPLACE' | string;
  serverSideEncryption?: string;
  serverSideDataEncryption?: string;
  serverSideEncryptionKeyId?: string;
  tagging?: string;
  taggingDirective?: 'Copy' | 'Replace' | string;
  forbidOverwrite?: boolean;
  trafficLimit?: number;
  requestPayer?: string;
}

export interface CopyObjectResult extends ResultBase {
  versionId?: string;
  sourceVersionId?: string;
  hashCrc64?: string;
  etag?: string;
  lastModified?: Date;
  serverSideEncryption?: string;
  serverSideDataEncryption?: string;
  serverSideEncryptionKeyId?: string;
}
