// Signature V4 (behaviour §8.4) against PY2's test_v4.py header vectors and the spec's CopyObject vector.
import { describe, expect, it } from 'vitest';
import {
  parseV4Authorization,
  signV4,
  v4AdditionalHeaders,
  v4CanonicalQuery,
  v4CanonicalRequest,
  v4CanonicalUri,
  v4Scope,
  v4Signature,
  v4SigningKey,
  v4StringToSign,
} from '@local-oss/client';
import { credentials, request, testName, vectors } from './signerVectors.js';

describe('V4 header signatures (fixtures/signing)', () => {
  it('has the vectors it expects', () => {
    expect(vectors.v4.length).toBeGreaterThanOrEqual(6);
  });

  for (const v of vectors.v4) {
    it(testName(v), () => {
      const signed = signV4(request(v), credentials(v), {
        region: v.region,
        product: v.product,
        datetime: v.datetime,
        additionalHeaders: v.additionalHeaders,
      });
      expect(signed.authorization).toBe(v.authorization);
      expect(signed.stringToSign).toBe(v.stringToSign);
      expect(signed.headers['x-oss-date']).toBe(v.datetime);
      expect(signed.headers['x-oss-security-token']).toBe(v.securityToken);

      // The pieces the emulator recomputes when it verifies.
      const received = { ...request(v), headers: { ...v.headers, ...signed.headers } };
      const parsed = parseV4Authorization(signed.authorization)!;
      expect(parsed).toEqual({
        accessKeyId: 'ak',
        date: v.datetime.slice(0, 8),
        region: v.region,
        product: v.product,
        additionalHeaders: /AdditionalHeaders=([^,]*)/.exec(v.authorization)?.[1]?.split(';') ?? [],
        signature: v.authorization.slice(-64),
      });
      const canonical = v4CanonicalRequest(received, parsed.additionalHeaders);
      expect(canonical).toBe(v.canonicalRequest);
      const scope = v4Scope(parsed.date, parsed.region, parsed.product);
      expect(v4StringToSign(v.datetime, scope, canonical)).toBe(v.stringToSign);
      expect(v4Signature(v4SigningKey('sk', parsed.date, parsed.region, parsed.product), v.stringToSign)).toBe(parsed.signature);
    });
  }
});

describe('V4 canonical pieces', () => {
  it('encodes the URI RFC 3986 style, keeping / and always naming the bucket', () => {
    expect(v4CanonicalUri('bucket', '1234+-/123/1.txt')).toBe('/bucket/1234%2B-/123/1.txt');
    expect(v4CanonicalUri('b', 'a b/ü~*!.txt')).toBe('/b/a%20b/%C3%BC~%2A%21.txt');
    expect(v4CanonicalUri('b')).toBe('/b/');
    expect(v4CanonicalUri()).toBe('/');
  });

  it('sorts the query by encoded name, bare names for empty values (PY2 test_v4.py parameters)', () => {
    const query: [string, string | undefined][] = [
      ['param1', 'value1'],
      ['+param1', 'value3'],
      ['|param1', 'value4'],
      ['+param2', ''],
      ['|param2', undefined],
      ['param2', ''],
    ];
    expect(v4CanonicalQuery(query)).toBe('%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2');
    expect(v4CanonicalQuery([['prefix', 'a b+c/d']])).toBe('prefix=a%20b%2Bc%2Fd');
    expect(v4CanonicalQuery([])).toBe('');
  });

  it('signs content-type, content-md5, x-oss-* and the listed additional headers, UNSIGNED-PAYLOAD by default', () => {
    const canonical = v4CanonicalRequest(
      {
        method: 'get',
        bucket: 'b',
        key: 'k',
        query: [],
        headers: { host: 'b.example', 'content-type': 'text/plain', 'x-oss-meta-a': ' 1 ', 'user-agent': 'ua', date: 'd' },
      },
      ['host'],
    );
    expect(canonical).toBe('GET\n/b/k\n\ncontent-type:text/plain\nhost:b.example\nx-oss-meta-a:1\n\nhost\nUNSIGNED-PAYLOAD');
  });

  it('keeps only additional headers that are not signed anyway and have a value', () => {
    expect(v4AdditionalHeaders({ abc: 'v', zabc: 'v', 'x-oss-head1': 'v', empty: '' }, ['x-oss-no-exist', 'ZAbc', 'x-oss-head1', 'abc', 'empty', 'Content-Type'])).toEqual(['abc', 'zabc']);
  });

  it('builds the scope and signing key as PY2 _calc_signature does', () => {
    expect(v4Scope('20231216', 'cn-hangzhou')).toBe('20231216/cn-hangzhou/oss/aliyun_v4_request');
    expect(v4Scope('20231216', 'cb-123', 'oss-cloudbox')).toBe('20231216/cb-123/oss-cloudbox/aliyun_v4_request');
    // HMAC-SHA256 chain "aliyun_v4sk" → 20231216 → cn-hangzhou → oss → aliyun_v4_request (Python hmac, hashlib).
    expect(v4SigningKey('sk', '20231216', 'cn-hangzhou').toString('hex')).toBe(
      'b412a03b134ebddd720f5167b5de6db66620ebb3b01cff4d49e3ccb09f8de97f',
    );
  });
});

describe('parseV4Authorization', () => {
  const sig = 'e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe';

  it('tolerates spaces after commas and mixed-case additional headers', () => {
    expect(
      parseV4Authorization(
        `OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request, AdditionalHeaders=Host;ABC,  Signature=${sig}`,
      ),
    ).toEqual({ accessKeyId: 'ak', date: '20231216', region: 'cn-hangzhou', product: 'oss', additionalHeaders: ['host', 'abc'], signature: sig });
  });

  it('refuses what is not a well-formed V4 value', () => {
    for (const bad of [
      'OSS ak:sig',
      `OSS4-HMAC-SHA256 Credential=ak/2023/cn/oss/aliyun_v4_request,Signature=${sig}`,
      `OSS4-HMAC-SHA256 Credential=ak/20231216/cn/oss/aliyun_v3_request,Signature=${sig}`,
      `OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss,Signature=${sig}`,
      'OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=xyz',
      'OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request',
      `OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=,Signature=${sig}`,
      `OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Bogus,Signature=${sig}`,
    ]) {
      expect(parseV4Authorization(bad), bad).toBeUndefined();
    }
  });
});
