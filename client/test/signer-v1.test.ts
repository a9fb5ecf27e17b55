// Signature V1 (behaviour §8.2) against PY2's test_v1.py header vectors and the spec's CopyObject vector.
import { describe, expect, it } from 'vitest';
import {
  isV1SignedParameter,
  signV1,
  V1_SUBRESOURCES,
  v1CanonicalHeaders,
  v1CanonicalResource,
  v1Signature,
  v1StringToSign,
} from '@local-oss/client';
import { credentials, request, testName, vectors } from './signerVectors.js';

describe('V1 header signatures (fixtures/signing)', () => {
  it('has the vectors it expects', () => {
    expect(vectors.v1.length).toBeGreaterThanOrEqual(5);
  });

  for (const v of vectors.v1) {
    it(testName(v), () => {
      expect(v1StringToSign(request(v), v.date)).toBe(v.stringToSign);
      expect(v1Signature(v.stringToSign, 'sk')).toBe(v.authorization.slice('OSS ak:'.length));
      expect(signV1(request(v), credentials(v), v.date)).toBe(v.authorization);
    });
  }
});

describe('V1 canonical resource', () => {
  const req = (query: [string, string | undefined][], key?: string, bucket: string | null = 'b') => ({
    method: 'GET',
    bucket: bucket ?? undefined,
    key,
    query,
    headers: {},
  });

  it('is / for the service, /bucket/ for a bucket, /bucket/key with the raw key', () => {
    expect(v1CanonicalResource(req([], undefined, null))).toBe('/');
    expect(v1CanonicalResource(req([]))).toBe('/b/');
    expect(v1CanonicalResource(req([], 'dir/a b+ü.txt'))).toBe('/b/dir/a b+ü.txt');
  });

  it('keeps sub-resources only, sorted by name then value, bare when empty, values decoded', () => {
    const q: [string, string | undefined][] = [
      ['uploadId', 'x/y z'],
      ['prefix', 'p'],
      ['max-keys', '10'],
      ['acl', undefined],
      ['partNumber', '3'],
      ['x-oss-process', 'image/resize,w_100'],
      ['response-content-type', ''],
    ];
    expect(v1CanonicalResource(req(q, 'k'))).toBe(
      '/b/k?acl&partNumber=3&response-content-type&uploadId=x/y z&x-oss-process=image/resize,w_100',
    );
  });

  it('uses exactly PY2 SignerV1._subresource_key_set as V1_SUBRESOURCES', () => {
    expect(V1_SUBRESOURCES.size).toBe(31);
    for (const name of ['acl', 'uploadId', 'versionId', 'security-token', 'resourceGroup', 'cloudboxes']) {
      expect(V1_SUBRESOURCES.has(name)).toBe(true);
    }
    expect(V1_SUBRESOURCES.has('worm')).toBe(false);
  });

  it('also signs names PY2 operations add and x-oss- parameters, never list parameters', () => {
    for (const name of ['worm', 'wormId', 'legalHold', 'retention', 'x-oss-access-point-name', 'lifecycle']) {
      expect(isV1SignedParameter(name)).toBe(true);
    }
    for (const name of ['prefix', 'marker', 'max-keys', 'delimiter', 'encoding-type', 'list-type', 'start-after',
      'fetch-owner', 'key-marker', 'version-id-marker', 'non-resousce', 'OSSAccessKeyId', 'Expires', 'Signature']) {
      expect(isV1SignedParameter(name)).toBe(false);
    }
  });
});

describe('V1 canonical OSS headers', () => {
  it('lower-cases, trims, keeps x-oss- only and sorts in byte order', () => {
    expect(
      v1CanonicalHeaders({
        'X-OSS-Metadata-Directive': 'REPLACE',
        'x-oss-meta-author': '  alice ',
        'content-type': 'text/plain',
        date: 'x',
      }),
    ).toBe('x-oss-meta-author:alice\nx-oss-metadata-directive:REPLACE\n');
  });

  it('falls back to empty Content-MD5 / Content-Type lines', () => {
    const sts = v1StringToSign({ method: 'delete', bucket: 'b', key: 'k', query: [], headers: {} }, 'D');
    expect(sts).toBe('DELETE\n\n\nD\n/b/k');
  });
});
