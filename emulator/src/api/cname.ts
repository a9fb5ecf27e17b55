// CNAME APIs (`?cname&comp=token|add|delete`, `?comp=token&cname=<domain>`, `?cname`; behaviour §14.18). Tokens are
// one document per bucket. The emulator does no DNS look-ups, so a domain's ownership is never verified and PutCname
// is always refused with NeedVerifyDomainOwnership, as OSS answers a domain without its TXT record [I].
import { OssError } from '../domain/errors.js';
import { cnameDomainOf, liveToken, newCnameToken, type CnameToken } from '../domain/cname.js';
import { OWNER } from '../domain/owner.js';
import { readXml } from '../http/body.js';
import { httpDate, sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

function tokenXml(bucket: string, t: CnameToken): object {
  return { Bucket: bucket, Cname: t.domain, Token: t.token, ExpireTime: httpDate(t.expiresAt) };
}

export async function createCnameToken(ctx: OssContext): Promise<void> {
  const domain = cnameDomainOf(await readXml(ctx));
  const now = ctx.state.config.clock.now();
  const token = newCnameToken(domain, now);
  const bucket = ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    const tokens = (ctx.state.store.buckets.getDocument<CnameToken[]>(b.name, 'cnameTokens') ?? []).filter((t) => t.domain !== domain && t.expiresAt > now);
    ctx.state.store.buckets.setDocument(b.name, 'cnameTokens', [...tokens, token]);
    return b;
  });
  sendXml(ctx, 'CnameToken', tokenXml(bucket.name, token));
}

export function getCnameToken(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const domain = (ctx.state.query.get('cname') ?? '').toLowerCase();
  const token = liveToken(ctx.state.store.buckets.getDocument<CnameToken[]>(bucket.name, 'cnameTokens') ?? [], domain, ctx.state.config.clock.now());
  if (token === undefined) throw new OssError('NoSuchCnameToken', { Cname: domain });
  sendXml(ctx, 'CnameToken', tokenXml(bucket.name, token));
}

export async function putCname(ctx: OssContext): Promise<void> {
  const domain = cnameDomainOf(await readXml(ctx));
  requireBucket(ctx);
  throw new OssError('NeedVerifyDomainOwnership', { Cname: domain });
}

/** No domain is ever bound (putCname), so the list names the bucket and its owner only. */
export function listCname(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  sendXml(ctx, 'ListCnameResult', { Bucket: bucket.name, Owner: OWNER.ID });
}

/** 200 for a domain that is not bound [I: PY2 live test deletes one it could not bind and expects 200]. */
export async function deleteCname(ctx: OssContext): Promise<void> {
  cnameDomainOf(await readXml(ctx));
  requireBucket(ctx);
  sendEmpty(ctx);
}
