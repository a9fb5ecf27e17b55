// What a signer signs: the request as OSS sees it, independent of transport. The client builds one before
// sending; the emulator rebuilds one from what it received and signs it again to verify.

export interface SignableRequest {
  method: string;
  /** undefined for service-level requests (ListBuckets). */
  bucket?: string;
  /** The decoded object key; undefined for bucket-level requests. */
  key?: string;
  /** Decoded query parameters in order; undefined value = a bare sub-resource such as `?acl`. */
  query: [string, string | undefined][];
  /** Header names lower-case. */
  headers: Record<string, string>;
}

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** RFC 3986 percent-encoding (what PY2's `quote(s, safe='')` produces): only A-Z a-z 0-9 - _ . ~ stay literal. */
export function uriEncode(s: string, keepSlash = false): string {
  const encoded = encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

/**
 * Header values lose their leading and trailing SP and HTAB only, the optional whitespace HTTP strips
 * (RFC 9110 §5.5): what OSS reads from the wire. String.trim() would also drop U+00A0 and the like, which are
 * sent and so signed by OSS.
 */
export function trimOws(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}
