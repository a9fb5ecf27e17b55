// Loads fixtures/signing/python-sdk-v2-signer-vectors.json (PY2's signer unit tests; see its source fields and
// generate-python-sdk-v2-signer-vectors.py) and turns a vector into the request our signers take.
import { readFileSync } from 'node:fs';
import type { Credentials, SignableRequest } from '@local-oss/client';

interface Base {
  source: string;
  method: string;
  bucket?: string;
  key?: string;
  /** Decoded pairs in URL order; null = a bare name such as `?acl`. */
  query: [string, string | null][];
  /** Lower-case names. */
  headers: Record<string, string>;
  securityToken?: string;
  stringToSign: string;
}

export interface V1Vector extends Base {
  date: string;
  authorization: string;
}

export interface V1QueryVector extends Base {
  expires: number;
  signature: string;
}

export interface V4Vector extends Base {
  region: string;
  product: string;
  datetime: string;
  additionalHeaders?: string[];
  canonicalRequest: string;
  authorization: string;
}

export interface V4QueryVector extends Omit<V4Vector, 'authorization'> {
  expires: number;
  signature: string;
  /** What PY2 appended to the query, decoded, x-oss-signature last. */
  addedQuery: [string, string][];
}

export const vectors = JSON.parse(
  readFileSync(new URL('../../fixtures/signing/python-sdk-v2-signer-vectors.json', import.meta.url), 'utf8'),
) as { v1: V1Vector[]; v1Query: V1QueryVector[]; v4: V4Vector[]; v4Query: V4QueryVector[] };

export function request(v: Base): SignableRequest {
  return {
    method: v.method,
    bucket: v.bucket,
    key: v.key,
    query: v.query.map(([k, val]) => [k, val ?? undefined]),
    headers: { ...v.headers },
  };
}

export function credentials(v: Base): Credentials {
  return { accessKeyId: 'ak', accessKeySecret: 'sk', securityToken: v.securityToken };
}

/** The test name at the end of a source field, for readable test titles. */
export function testName(v: Base): string {
  return /::(\S+(?: \((?!commit)[^)]*\))?)/.exec(v.source)?.[1] ?? v.source.split(' ').slice(0, 2).join(' ');
}
