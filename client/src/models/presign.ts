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

/**
 * What a browser form needs to upload straight to the bucket (PostObject). The Python SDK v2 has no PostObject; the
 * shape follows ali-oss calculatePostSignature (OSSAccessKeyId, Signature, policy) and PY2's sample/post_object.py
 * (the V4 fields), with the URL to post to.
 */
export interface PresignPostObjectRequest {
  bucket: string;
  /**
   * The key field. Without `${filename}` the policy pins it (`["eq", "$key", key]`); with it, the part before it
   * (`["starts-with", "$key", prefix]`). Without a key the form must add its own key field.
   */
  key?: string;
  /** Further policy conditions: `["content-length-range", 0, 1048576]`, `["eq", "$success_action_status", "201"]` … */
  conditions?: import('../signer/postPolicy.js').PostPolicyCondition[];
  /** Default 3600. */
  expiresSeconds?: number;
}

export interface PresignPostObjectResult {
  /** The bucket's address: the form's action. */
  url: string;
  expiration: Date;
  /** The fields to send, in this order, before the `file` part (the caller adds the other fields it pinned). */
  fields: Record<string, string>;
}
