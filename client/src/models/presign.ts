// Presigned URLs (PY2 Client.presign and PresignResult) in camelCase.

export interface PresignRequest {
  /** Default GET. */
  method?: string;
  bucket: string;
  key: string;
  versionId?: string;
  /** Default 900. */
  expiresSeconds?: number;
  headers?: Record<string, string>;
}

export interface PresignResult {
  method: string;
  url: string;
  expiration: Date;
  signedHeaders: Record<string, string>;
}
