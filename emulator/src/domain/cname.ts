// Custom domains (CreateCnameToken / GetCnameToken / PutCname / ListCname / DeleteCname, behaviour §14.18). Sources:
// the CreateCnameToken API reference (a token per domain, valid 72 hours, ExpireTime as an HTTP date), PY2
// models/bucket_cname.py (element names), PY2 live tests/integration/test_bucket_cname_client.py (PutCname of a
// domain whose TXT record is not set is 403 NeedVerifyDomainOwnership, after a token was created).
import { randomBytes } from 'node:crypto';
import { OssError } from './errors.js';

export const TOKEN_LIFETIME_MS = 72 * 3600 * 1000;

export interface CnameToken {
  domain: string;
  token: string;
  expiresAt: number;
}

/** The Domain of a `BucketCnameConfiguration` body; without one, MalformedXML [I]. */
export function cnameDomainOf(doc: Record<string, unknown> | undefined): string {
  const root = doc?.BucketCnameConfiguration;
  const cname = root !== null && typeof root === 'object' ? (root as Record<string, unknown>).Cname : undefined;
  const domain = cname !== null && typeof cname === 'object' ? (cname as Record<string, unknown>).Domain : undefined;
  if (typeof domain !== 'string' || domain === '') throw new OssError('MalformedXML');
  return domain.toLowerCase();
}

/** A new token for `domain`, replacing any earlier one [I]. */
export function newCnameToken(domain: string, now: number): CnameToken {
  return { domain, token: randomBytes(16).toString('hex').toUpperCase(), expiresAt: now + TOKEN_LIFETIME_MS };
}

/** The live token for `domain`, or undefined (none, or expired). */
export function liveToken(tokens: CnameToken[], domain: string, now: number): CnameToken | undefined {
  return tokens.find((t) => t.domain === domain && t.expiresAt > now);
}
