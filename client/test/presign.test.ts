// Presigned URLs (behaviour §8.3, §8.5) against PY2's test_v1.py / test_v4.py query vectors, both as the SDK builds them
// and as the emulator verifies them (recomputing the string to sign from the query it received).
import { describe, expect, it } from 'vitest';
import {
  encodeQuery,
  parseV4PresignedQuery,
  presignV1,
  presignV1StringToSign,
  presignV4,
  presignV4StringToSign,
  v1Signature,
  v4Signature,
  v4SigningKey,
} from '@local-oss/client';
import { credentials, request, testName, vectors } from './signerVectors.js';

describe('V1 presigned URLs (fixtures/signing)', () => {
  it('has the vectors it expects', () => {
    expect(vectors.v1Query.length).toBeGreaterThanOrEqual(3);
  });

  for (const v of vectors.v1Query) {
    it(testName(v), () => {
      const req = request(v);
      const params = presignV1(req, credentials(v), v.expires);
      // PY2 order: the request's own parameters, OSSAccessKeyId, Expires, security-token, Signature last.
      expect(params.slice(req.query.length)).toEqual([
        ['OSSAccessKeyId', 'ak'],
        ['Expires', String(v.expires)],
        ...(v.securityToken ? [['security-token', v.securityToken]] : []),
        ['Signature', v.signature],
      ]);
      // Verification side: the query as received, authentication parameters included.
      const received = { ...req, query: params };
      expect(presignV1StringToSign(received, v.expires)).toBe(v.stringToSign);
      expect(v1Signature(v.stringToSign, 'sk')).toBe(v.signature);
    });
  }
});

describe('V4 presigned URLs (fixtures/signing)', () => {
  it('has the vectors it expects', () => {
    expect(vectors.v4Query.length).toBeGreaterThanOrEqual(7);
  });

  for (const v of vectors.v4Query) {
    it(testName(v), () => {
      const req = request(v);
      const params = presignV4(req, credentials(v), {
        region: v.region,
        product: v.product,
        datetime: v.datetime,
        expiresSeconds: v.expires,
        additionalHeaders: v.additionalHeaders,
      });
      expect(params.slice(req.query.length)).toEqual(v.addedQuery);
      expect(params[params.length - 1]).toEqual(['x-oss-signature', v.signature]);

      const parsed = parseV4PresignedQuery(params)!;
      expect(parsed).toMatchObject({
        accessKeyId: 'ak',
        date: v.datetime.slice(0, 8),
        region: v.region,
        product: v.product,
        datetime: v.datetime,
        expiresSeconds: v.expires,
        signature: v.signature,
      });
      expect(parsed.securityToken).toBe(v.securityToken);
      const signed = presignV4StringToSign({ ...req, query: params }, parsed);
      expect(signed.canonicalRequest).toBe(v.canonicalRequest);
      expect(signed.stringToSign).toBe(v.stringToSign);
      expect(v4Signature(v4SigningKey('sk', parsed.date, parsed.region, parsed.product), signed.stringToSign)).toBe(v.signature);
    });
  }

  it('refuses incomplete or malformed authentication parameters', () => {
    const good = vectors.v4Query[0]!;
    const params = presignV4(request(good), credentials(good), {
      region: good.region,
      datetime: good.datetime,
      expiresSeconds: good.expires,
    });
    expect(parseV4PresignedQuery(params)).toBeDefined();
    for (const drop of ['x-oss-signature-version', 'x-oss-credential', 'x-oss-date', 'x-oss-expires', 'x-oss-signature']) {
      expect(parseV4PresignedQuery(params.filter(([k]) => k !== drop)), drop).toBeUndefined();
    }
    const swap = (name: string, value: string) => params.map(([k, val]) => [k, k === name ? value : val] as [string, string]);
    expect(parseV4PresignedQuery(swap('x-oss-credential', 'ak/20231217/cn-hangzhou/oss'))).toBeUndefined();
    expect(parseV4PresignedQuery(swap('x-oss-date', '2023-12-17'))).toBeUndefined();
    expect(parseV4PresignedQuery(swap('x-oss-expires', '-1'))).toBeUndefined();
    expect(parseV4PresignedQuery(swap('x-oss-signature-version', 'OSS2'))).toBeUndefined();
  });
});

describe('encodeQuery', () => {
  it('encodes RFC 3986 style: %20 for space, reserved characters escaped, unreserved kept', () => {
    expect(encodeQuery([['x-oss-credential', 'ak/20231217/cn-hangzhou/oss/aliyun_v4_request']])).toBe(
      'x-oss-credential=ak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request',
    );
    expect(encodeQuery([['response-content-disposition', "attachment; filename=a b+c!'()*~.txt"]])).toBe(
      'response-content-disposition=attachment%3B%20filename%3Da%20b%2Bc%21%27%28%29%2A~.txt',
    );
    expect(encodeQuery([['Signature', 'dcLTea+Yh9ApirQ8o8dOPqtvJXQ=']])).toBe('Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D');
    expect(encodeQuery([['k', 'ü']])).toBe('k=%C3%BC');
  });

  it('writes empty values as bare names, in the given order, and takes a record too', () => {
    expect(encodeQuery([['uploads', ''], ['|param2', ''], ['a', '1']])).toBe('uploads&%7Cparam2&a=1');
    expect(encodeQuery({ b: '2', a: '1' })).toBe('b=2&a=1');
    expect(encodeQuery([])).toBe('');
  });
});
