// PostObject's form signature (behaviour §9.13): the fields a browser form needs to upload straight to OSS. The
// policy is base64 JSON `{expiration, conditions}`; V1 signs it with base64(HMAC-SHA1(secret, policy)) into
// OSSAccessKeyId / policy / Signature, as ali-oss calculatePostSignature returns them
// (lib/common/object/calculatePostSignature.js); V4 pins x-oss-signature-version, x-oss-credential and x-oss-date
// in the conditions and signs hex(HMAC-SHA256(V4 signing key, policy)) into x-oss-signature, as the Python SDK v2's
// sample/post_object.py and ali-oss signPostObjectPolicyV4 do. Pure: the clock and the credentials are arguments.
import { createHmac } from 'node:crypto';
import type { Credentials } from './request.js';
import { v4Signature, v4SigningKey } from './v4.js';

/** A policy condition as OSS writes them: `{field: value}`, `[op, "$field", value]`, `["content-length-range", min, max]`. */
export type PostPolicyCondition = Record<string, string> | [string, string, string | string[]] | ['content-length-range', number, number];

export interface PostFormInput {
  bucket: string;
  credentials: Credentials;
  /** Bare region id (V4 credential scope). */
  region: string;
  signatureVersion: 'v1' | 'v4';
  now: Date;
  expiration: Date;
  /** The conditions the caller wants beyond the bucket and the signature's own. */
  conditions?: PostPolicyCondition[];
}

function v4Time(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The signature fields of a form (and the policy they sign), to send before the file part. */
export function signPostForm(input: PostFormInput): Record<string, string> {
  const { credentials, region } = input;
  const conditions: PostPolicyCondition[] = [{ bucket: input.bucket }, ...(input.conditions ?? [])];
  const fields: Record<string, string> = {};
  if (credentials.securityToken) {
    conditions.push({ 'x-oss-security-token': credentials.securityToken });
    fields['x-oss-security-token'] = credentials.securityToken;
  }
  if (input.signatureVersion === 'v1') {
    const policy = encode(input.expiration, conditions);
    const signature = createHmac('sha1', credentials.accessKeySecret).update(policy, 'utf8').digest('base64');
    return { ...fields, OSSAccessKeyId: credentials.accessKeyId, policy, Signature: signature };
  }
  const datetime = v4Time(input.now);
  const date = datetime.slice(0, 8);
  const credential = `${credentials.accessKeyId}/${date}/${region}/oss/aliyun_v4_request`;
  conditions.push({ 'x-oss-signature-version': 'OSS4-HMAC-SHA256' }, { 'x-oss-credential': credential }, { 'x-oss-date': datetime });
  const policy = encode(input.expiration, conditions);
  return {
    ...fields,
    'x-oss-signature-version': 'OSS4-HMAC-SHA256',
    'x-oss-credential': credential,
    'x-oss-date': datetime,
    policy,
    'x-oss-signature': v4Signature(v4SigningKey(credentials.accessKeySecret, date, region, 'oss'), policy),
  };
}

function encode(expiration: Date, conditions: PostPolicyCondition[]): string {
  return Buffer.from(JSON.stringify({ expiration: expiration.toISOString(), conditions }), 'utf8').toString('base64');
}
