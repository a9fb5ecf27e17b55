// Who sent the request (behaviour §8): V1 (`OSS ak:sig`), V2 (`OSS2 AccessKeyId:…`) and V4 (`OSS4-HMAC-SHA256 …`)
// Authorization headers and V1/V2/V4 presigned URLs, verified by recomputing the signature with the client's signer over the request as
// received. Without any of them the request is anonymous and access.ts decides what it may do.
import { timingSafeEqual } from 'node:crypto';
import type { Next } from 'koa';
import {
  parseV2Authorization,
  parseV4Authorization,
  v1Signature,
  v2Signature,
  v2StringToSign,
  v1StringToSign,
  v4CanonicalRequest,
  v4Scope,
  v4Signature,
  v4SigningKey,
  v4StringToSign,
  type SignableRequest,
} from '@local-oss/client';
import { OssError } from '../domain/errors.js';
import type { OssContext, Principal } from './state.js';

/** Requests more than 15 minutes away from the server clock are refused (behaviour §8.2). */
const MAX_SKEW_MS = 15 * 60 * 1000;
const V1_QUERY = ['OSSAccessKeyId', 'Expires', 'Signature'];

type Scheme = Extract<Principal, { kind: 'key' }>['scheme'];

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// Signatures are checked over bytes. OSS signs header values as the bytes sent: UTF-8 such as
// `x-oss-meta-unicode: 测试` is accepted and stored as is ([PY1f] tests/test_object.py
// test_put_object_with_unicode_header; ali-oss `headerEncoding: 'latin1'` signs `Buffer.from(s, 'latin1')`,
// lib/common/signUtils.js computeSignature). Node hands header bytes over as latin1 strings, one code unit per
// byte, so the emulator builds the whole string to sign that way ("binary") and hashes it as latin1: the
// decoded key and query values are turned into their UTF-8 bytes too. V4 percent-encodes the path and query, so
// only its headers carry such bytes. Strings shown back in SignatureDoesNotMatch are decoded as UTF-8 again.
const binary = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
const readable = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');

/** The request as received; with `v1`, the resource part (bucket, key, query values) as binary strings. */
function signable(ctx: OssContext, scheme: 'v1' | 'v2' | 'v4', dropQuery: string[] = []): SignableRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  // Signed over the name the request addressed: an access point alias, not the bucket it stands for.
  const { key } = ctx.state;
  const bucket = ctx.state.addressedBucket ?? ctx.state.bucket;
  const query = ctx.state.query.pairs.filter(([name]) => !dropQuery.includes(name));
  // V2 and V4 percent-encode the resource from the decoded strings, so those stay as decoded.
  if (scheme !== 'v1') return { method: ctx.method, bucket, key, query, headers };
  return {
    method: ctx.method,
    bucket: bucket === undefined ? undefined : binary(bucket),
    key: key === undefined ? undefined : binary(key),
    query: query.map(([name, value]) => [binary(name), value === undefined ? undefined : binary(value)]),
    headers,
  };
}

/** The owner's key, or a RAM user's / STS credential's from the identities file. */
function secretOf(ctx: OssContext, accessKeyId: string): string {
  const config = ctx.state.config;
  const secret = config.credentials.get(accessKeyId) ?? config.identities.get(accessKeyId)?.accessKeySecret;
  if (secret === undefined) throw new OssError('InvalidAccessKeyId', { OSSAccessKeyId: accessKeyId });
  return secret;
}

/**
 * The principal of a verified signature. An STS credential is only good with its security token (the header, or
 * the `security-token` / `x-oss-security-token` query parameter of a presigned URL) and before it expires.
 */
function signedBy(ctx: OssContext, accessKeyId: string, scheme: Scheme, region?: string, formToken?: string): void {
  const config = ctx.state.config;
  const identity = config.credentials.has(accessKeyId) ? undefined : config.identities.get(accessKeyId);
  if (identity?.kind === 'sts') {
    const q = ctx.state.query;
    const token =
      formToken !== undefined ? formToken : ctx.get('x-oss-security-token') || q.get('security-token') || q.get('x-oss-security-token') || '';
    // A form signed with an STS key but without x-oss-security-token is 403 InvalidAccessKeyId on OSS (help page
    // "The OSS Access Key Id you provided does not exist in our records" for PostObject, with OSSAccessKeyId).
    if (scheme.startsWith('post-') && token === '') throw new OssError('InvalidAccessKeyId', { OSSAccessKeyId: accessKeyId });
    if (!sameSecret(token, identity.securityToken)) throw new OssError('InvalidSecurityToken');
    if (identity.expiration !== undefined && identity.expiration.getTime() < ctx.state.config.clock.now()) throw new OssError('SecurityTokenExpired');
  }
  ctx.state.principal = { kind: 'key', accessKeyId, scheme, ...(region !== undefined ? { region } : {}), ...(identity ? { identity } : {}) };
}

function checkSkew(requestTime: number, raw: string): void {
  const now = Date.now();
  if (Math.abs(now - requestTime) > MAX_SKEW_MS) {
    throw new OssError('RequestTimeTooSkewed', {
      RequestTime: raw,
      ServerTime: new Date(now).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
    });
  }
}

/** `yyyymmddTHHMMSSZ` → ms, or NaN. */
function parseV4Date(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

/** `50 55 54 0A 0A 0A …`: upper-case, each byte followed by a space (EC page 0002-00000040's sample; audit #24). */
function hexBytes(binaryString: string): string {
  return Array.from(Buffer.from(binaryString, 'latin1'), (b) => `${b.toString(16).toUpperCase().padStart(2, '0')} `).join('');
}

/** SignatureDoesNotMatch carries what we signed, so a client can see where it differs (behaviour §8.2). */
function checkV1(stringToSign: string, secret: string, provided: string, accessKeyId: string): void {
  if (sameSecret(v1Signature(stringToSign, secret, 'latin1'), provided)) return;
  // In the order of EC page 0002-00000040's sample: OSSAccessKeyId, SignatureProvided, StringToSign, StringToSignBytes.
  throw new OssError('SignatureDoesNotMatch', {
    OSSAccessKeyId: accessKeyId,
    SignatureProvided: provided,
    StringToSign: readable(stringToSign),
    StringToSignBytes: hexBytes(stringToSign),
  });
}

function verifyV1Header(ctx: OssContext, authorization: string): void {
  const m = /^OSS ([^:\s]+):(\S+)$/.exec(authorization.trim());
  if (!m) throw new OssError('InvalidArgumentAuthorization');
  const [, accessKeyId, provided] = m as unknown as [string, string, string];
  const secret = secretOf(ctx, accessKeyId);
  const date = ctx.get('x-oss-date') || ctx.get('date');
  const time = Date.parse(date);
  if (date === '' || Number.isNaN(time)) throw new OssError('InvalidArgumentDate');
  checkSkew(time, date);
  checkV1(v1StringToSign(signable(ctx, 'v1'), date), secret, provided, accessKeyId);
  signedBy(ctx, accessKeyId, 'v1');
}

/**
 * A V4 scope names the region it was signed for: that of the bucket when it exists, else that of the endpoint host
 * when it names one. oss2's live test_exception_ec test_3_exception_head_err signs for `cn-hangzhou-test-1` against a
 * cn-hangzhou bucket and gets 400 InvalidArgument "Invalid signing region in Authorization header." EC 0002-00000226;
 * its test_sign_v4_no_region presigns with an empty region and gets "The signing region in credential is invalid.".
 */
function checkSigningRegion(ctx: OssContext, region: string, scheme: 'v4' | 'presign-v4'): void {
  const bucket = ctx.state.bucket === undefined ? undefined : ctx.state.store.buckets.get(ctx.state.bucket);
  const expected = bucket?.region ?? ctx.state.hostRegion;
  if (region !== '' && (expected === undefined || region === expected)) return;
  throw new OssError(scheme === 'v4' ? 'InvalidArgumentSigningRegion' : 'InvalidArgumentCredentialRegion');
}

function verifyV4(
  ctx: OssContext,
  a: { accessKeyId: string; date: string; region: string; product: string; additionalHeaders: string[]; signature: string },
  datetime: string,
  request: SignableRequest,
  scheme: 'v4' | 'presign-v4',
): void {
  const secret = secretOf(ctx, a.accessKeyId);
  checkSigningRegion(ctx, a.region, scheme);
  if (!datetime.startsWith(a.date)) throw new OssError('SignatureDoesNotMatchV4');
  const canonical = v4CanonicalRequest(request, a.additionalHeaders);
  const scope = v4Scope(a.date, a.region, a.product);
  const stringToSign = v4StringToSign(datetime, scope, canonical, 'latin1');
  const expected = v4Signature(v4SigningKey(secret, a.date, a.region, a.product), stringToSign);
  if (!sameSecret(expected, a.signature)) {
    throw new OssError('SignatureDoesNotMatchV4', {
      StringToSign: stringToSign,
      SignatureProvided: a.signature,
      CanonicalRequest: readable(canonical),
      OSSAccessKeyId: a.accessKeyId,
    });
  }
  signedBy(ctx, a.accessKeyId, scheme, a.region);
}

function verifyV4Header(ctx: OssContext, authorization: string): void {
  const a = parseV4Authorization(authorization);
  if (a === undefined) throw new OssError('InvalidArgumentAuthorization');
  const datetime = ctx.get('x-oss-date');
  const time = parseV4Date(datetime);
  if (Number.isNaN(time)) throw new OssError('InvalidArgumentDate');
  checkSkew(time, datetime);
  verifyV4(ctx, a, datetime, signable(ctx, 'v4'), 'v4');
}

/** V2's mismatch carries the same elements as V1's (behaviour §8.9). */
function checkV2(stringToSign: string, secret: string, provided: string, accessKeyId: string): void {
  if (sameSecret(v2Signature(stringToSign, secret, 'latin1'), provided)) return;
  throw new OssError('SignatureDoesNotMatch', {
    OSSAccessKeyId: accessKeyId,
    SignatureProvided: provided,
    StringToSign: readable(stringToSign),
    StringToSignBytes: hexBytes(stringToSign),
  });
}

/** Every header a V2 signature lists as additional must come with the request (OSS EC page 0002-00000112). */
function checkAdditionalPresent(ctx: OssContext, names: string[], ec: string, value: string): void {
  if (names.some((name) => ctx.headers[name] === undefined)) {
    throw new OssError('InvalidArgumentAdditionalHeaders', { ArgumentName: 'AdditionalHeaders', ArgumentValue: value }, ec);
  }
}

/**
 * `OSS2 AccessKeyId:…,AdditionalHeaders:…,Signature:…` (oss2 auth.py ProviderAuthV2._sign_request). The Date line
 * is the Date header, as oss2 signs it; the request time checked for skew is x-oss-date when sent, else Date (oss2
 * tests/test_sign.py test_sign_v2_x_oss_date: an x-oss-date a day away is 403 RequestTimeTooSkewed).
 */
function verifyV2Header(ctx: OssContext, authorization: string): void {
  const a = parseV2Authorization(authorization);
  if ('fault' in a) throw new OssError('InvalidArgumentAuthorization', {}, a.ec);
  const secret = secretOf(ctx, a.accessKeyId);
  const date = ctx.get('date');
  const requestDate = ctx.get('x-oss-date') || date;
  const time = Date.parse(requestDate);
  if (requestDate === '' || Number.isNaN(time)) throw new OssError('InvalidArgumentDate');
  checkSkew(time, requestDate);
  checkAdditionalPresent(ctx, a.additionalHeaders, '0002-00000112', a.additionalHeaders.join(';'));
  checkV2(v2StringToSign(signable(ctx, 'v2'), date, a.additionalHeaders), secret, a.signature, a.accessKeyId);
  signedBy(ctx, a.accessKeyId, 'v2');
}

/**
 * `?x-oss-signature-version=OSS2&x-oss-expires=<unix s>&x-oss-access-key-id=…[&x-oss-additional-headers=…]
 * &x-oss-signature=…` (oss2 ProviderAuthV2._sign_url): every parameter but the signature is signed, and the Date
 * line is x-oss-expires.
 */
function verifyV2Presigned(ctx: OssContext): void {
  const q = ctx.state.query;
  const accessKeyId = q.get('x-oss-access-key-id');
  const expires = q.get('x-oss-expires');
  const provided = q.get('x-oss-signature');
  if (!accessKeyId || !expires || !provided) throw new OssError('AccessDeniedQueryAuth');
  const secret = secretOf(ctx, accessKeyId);
  const now = ctx.state.config.clock.now();
  if (!/^\d+$/.test(expires) || Number(expires) * 1000 < now) {
    throw new OssError('AccessDeniedExpired', { Expires: expires, ServerTime: new Date(now).toISOString() });
  }
  const list = q.get('x-oss-additional-headers');
  const additional = list ? list.split(';').map((h) => h.trim().toLowerCase()) : [];
  checkAdditionalPresent(ctx, additional, '0002-00000077', list ?? '');
  checkV2(v2StringToSign(signable(ctx, 'v2', ['x-oss-signature']), expires, additional), secret, provided, accessKeyId);
  signedBy(ctx, accessKeyId, 'presign-v2');
}

function verifyV1Presigned(ctx: OssContext): void {
  const q = ctx.state.query;
  const accessKeyId = q.get('OSSAccessKeyId');
  const expires = q.get('Expires');
  const provided = q.get('Signature');
  if (!accessKeyId || !expires || !provided) throw new OssError('AccessDeniedQueryAuth');
  const secret = secretOf(ctx, accessKeyId);
  // Expiry follows the emulator's clock (domain/clock.ts); the signature itself carries no time to check here.
  const now = ctx.state.config.clock.now();
  if (!/^\d+$/.test(expires) || Number(expires) * 1000 < now) {
    throw new OssError('AccessDeniedExpired', { Expires: expires, ServerTime: new Date(now).toISOString() });
  }
  checkV1(v1StringToSign(signable(ctx, 'v1'), expires), secret, provided, accessKeyId);
  signedBy(ctx, accessKeyId, 'presign-v1');
}

function verifyV4Presigned(ctx: OssContext): void {
  const q = ctx.state.query;
  if (q.get('x-oss-signature-version') !== 'OSS4-HMAC-SHA256') throw new OssError('InvalidArgumentAuthorization');
  const credential = q.get('x-oss-credential') ?? '';
  const datetime = q.get('x-oss-date') ?? '';
  const expires = q.get('x-oss-expires') ?? '';
  const signature = q.get('x-oss-signature') ?? '';
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aliyun_v4_request' || signature === '') {
    throw new OssError('AccessDeniedQueryAuth');
  }
  const time = parseV4Date(datetime);
  if (Number.isNaN(time) || !/^\d+$/.test(expires)) throw new OssError('AccessDeniedQueryAuth');
  const now = ctx.state.config.clock.now();
  if (time + Number(expires) * 1000 < now) {
    throw new OssError('AccessDeniedExpired', { ServerTime: new Date(now).toISOString() });
  }
  const additional = q.get('x-oss-additional-headers');
  const additionalHeaders = additional ? additional.split(';') : [];
  // Every header the URL says was signed must come with the request: 400, not a signature mismatch (errors.ts).
  if (additionalHeaders.some((name) => ctx.headers[name.toLowerCase()] === undefined)) {
    throw new OssError('InvalidArgumentAdditionalHeaders', { ArgumentName: 'x-oss-additional-headers', ArgumentValue: additional! });
  }
  verifyV4(
    ctx,
    {
      accessKeyId: parts[0]!,
      date: parts[1]!,
      region: parts[2]!,
      product: parts[3]!,
      additionalHeaders,
      signature,
    },
    datetime,
    signable(ctx, 'v4', ['x-oss-signature']),
    'presign-v4',
  );
}

/** A form field by its exact name (PostObject's field names are case-sensitive: PostObject errors page). */
export type FormField = (name: string) => string | undefined;

function requiredField(field: FormField, name: string, missingEc: string, emptyEc = missingEc): string {
  const value = field(name);
  if (value === undefined) throw new OssError('AccessDeniedPostField', { _field: name }, missingEc);
  if (value === '') throw new OssError('AccessDeniedPostField', { _field: name }, emptyEc);
  return value;
}

/**
 * PostObject's signature (behaviour §9.13), carried by the form instead of a header: the string to sign is the
 * base64 `policy` field itself. V1: OSSAccessKeyId + Signature = base64(HMAC-SHA1(secret, policy)) (PostObject errors
 * page, "Post Object signature"); V4: x-oss-signature-version OSS4-HMAC-SHA256, x-oss-credential
 * `<ak>/<date>/<region>/oss/aliyun_v4_request`, x-oss-date, x-oss-signature = hex(HMAC-SHA256(V4 signing key,
 * policy)) (PY2 sample/post_object.py; ali-oss lib/common/object/signPostObjectPolicyV4.js). Any of the signature
 * fields makes the others and the policy required (errors page, "form field format"); none at all is an anonymous
 * post. Sets the principal; returns the policy to check, or undefined for an anonymous post without one.
 * Headers and URL signatures are not looked at (API reference PostObject: "OSS does not check the signature
 * information in headers or URLs in PostObject requests").
 */
export function verifyPostForm(ctx: OssContext, field: FormField): string | undefined {
  const v4 = ['x-oss-signature-version', 'x-oss-credential', 'x-oss-signature'].some((n) => field(n) !== undefined);
  const v1 = ['OSSAccessKeyId', 'Signature'].some((n) => field(n) !== undefined);
  if (!v4 && !v1 && field('policy') === undefined) return undefined;
  const policy = requiredField(field, 'policy', '0002-00000702');
  const token = field('x-oss-security-token') ?? '';
  if (v4) {
    if (field('x-oss-signature-version') !== 'OSS4-HMAC-SHA256') throw new OssError('AccessDeniedPostField', { _field: 'x-oss-signature-version' });
    const credential = requiredField(field, 'x-oss-credential', '0002-00000708');
    const parts = credential.split('/');
    if (parts.length !== 5 || parts[0] === '' || parts[4] !== 'aliyun_v4_request') {
      throw new OssError('AccessDeniedPostField', { _field: 'x-oss-credential' }, '0002-00000708');
    }
    const [accessKeyId, date, region, product] = parts as [string, string, string, string];
    const provided = requiredField(field, 'x-oss-signature', '0002-00000703', '0002-00000704');
    const datetime = field('x-oss-date') ?? '';
    if (Number.isNaN(parseV4Date(datetime))) throw new OssError('AccessDeniedPostField', { _field: 'x-oss-date' });
    const secret = secretOf(ctx, accessKeyId);
    // The region is the credential's, as in a presigned URL: its message names the credential [I].
    checkSigningRegion(ctx, region, 'presign-v4');
    const expected = v4Signature(v4SigningKey(secret, date, region, product), policy);
    if (!datetime.startsWith(date) || !sameSecret(expected, provided)) {
      throw new OssError('SignatureDoesNotMatchPost', { OSSAccessKeyId: accessKeyId, SignatureProvided: provided, StringToSign: policy });
    }
    signedBy(ctx, accessKeyId, 'post-v4', region, token);
    return policy;
  }
  const accessKeyId = requiredField(field, 'OSSAccessKeyId', '0002-00000706', '0002-00000707');
  const provided = requiredField(field, 'Signature', '0002-00000703', '0002-00000704');
  const secret = secretOf(ctx, accessKeyId);
  if (!sameSecret(v1Signature(policy, secret), provided)) {
    throw new OssError('SignatureDoesNotMatchPost', { OSSAccessKeyId: accessKeyId, SignatureProvided: provided, StringToSign: policy });
  }
  signedBy(ctx, accessKeyId, 'post-v1', undefined, token);
  return policy;
}

export async function auth(ctx: OssContext, next: Next): Promise<void> {
  const authorization = ctx.get('authorization');
  const q = ctx.state.query;
  const presignV1 = V1_QUERY.some((name) => q.has(name));
  const presignV4 = q.has('x-oss-signature-version') || q.has('x-oss-signature');
  if (authorization !== '') {
    // Both ways at once are refused (behaviour §8.3).
    if (presignV1 || presignV4) throw new OssError('InvalidArgumentAuthorizationTwice');
    if (authorization.startsWith('OSS4-HMAC-SHA256')) verifyV4Header(ctx, authorization);
    else if (authorization.startsWith('OSS2 ')) verifyV2Header(ctx, authorization);
    else if (authorization.startsWith('OSS ')) verifyV1Header(ctx, authorization);
    else throw new OssError('InvalidArgumentAuthorization');
  } else if (q.get('x-oss-signature-version') === 'OSS2') {
    verifyV2Presigned(ctx);
  } else if (presignV4) {
    verifyV4Presigned(ctx);
  } else if (presignV1) {
    verifyV1Presigned(ctx);
  }
  await next();
}
