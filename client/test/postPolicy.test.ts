// signer/postPolicy.ts: PostObject form fields, checked against ali-oss's own signers (calculatePostSignature,
// signPostObjectPolicyV4) over the same policy.
import OSS from 'ali-oss';
import { describe, expect, it } from 'vitest';
import { signPostForm } from '../src/signer/postPolicy.js';

const credentials = { accessKeyId: 'ak-form', accessKeySecret: 'secret-form' };
const now = new Date('2026-12-01T10:20:30.000Z');
const expiration = new Date('2026-12-01T11:20:30.000Z');
const ali = new OSS({ region: 'oss-cn-hangzhou', accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret, bucket: 'post-b' });
const policyOf = (fields: Record<string, string>) => JSON.parse(Buffer.from(fields.policy!, 'base64').toString('utf8'));

describe('signPostForm', () => {
  it('V1: OSSAccessKeyId, policy and Signature as ali-oss calculatePostSignature computes them', () => {
    const fields = signPostForm({ bucket: 'post-b', credentials, region: 'cn-hangzhou', signatureVersion: 'v1', now, expiration, conditions: [['starts-with', '$key', 'u/']] });
    const policy = policyOf(fields);
    expect(policy).toEqual({ expiration: '2026-12-01T11:20:30.000Z', conditions: [{ bucket: 'post-b' }, ['starts-with', '$key', 'u/']] });
    expect(fields).toEqual({ ...ali.calculatePostSignature(policy) });
  });

  it('V4: the credential, date and version pinned in the policy, signed as ali-oss signPostObjectPolicyV4', () => {
    const fields = signPostForm({ bucket: 'post-b', credentials: { ...credentials, securityToken: 'tok' }, region: 'cn-hangzhou', signatureVersion: 'v4', now, expiration });
    expect(fields['x-oss-credential']).toBe('ak-form/20261201/cn-hangzhou/oss/aliyun_v4_request');
    expect(fields['x-oss-date']).toBe('20261201T102030Z');
    expect(fields['x-oss-security-token']).toBe('tok');
    const policy = policyOf(fields);
    expect(policy.conditions).toEqual([
      { bucket: 'post-b' },
      { 'x-oss-security-token': 'tok' },
      { 'x-oss-signature-version': 'OSS4-HMAC-SHA256' },
      { 'x-oss-credential': 'ak-form/20261201/cn-hangzhou/oss/aliyun_v4_request' },
      { 'x-oss-date': '20261201T102030Z' },
    ]);
    const signer = ali as unknown as { signPostObjectPolicyV4(p: object, d: Date): string };
    expect(fields['x-oss-signature']).toBe(signer.signPostObjectPolicyV4(policy, now));
  });
});
