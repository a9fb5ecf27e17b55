// Put/GetBucketRequestPayment (`?requestPayment`; behaviour §14.14) and the requester-pays check on every request to a
// Requester-pays bucket. The payer is one document per bucket; domain/requestPayment.ts decides.
import { OssError } from '../domain/errors.js';
import { parseRequestPayment, requesterMustPay, type Payer } from '../domain/requestPayment.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

export async function putBucketRequestPayment(ctx: OssContext): Promise<void> {
  const payer = parseRequestPayment(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'requestPayment', payer);
  });
  sendEmpty(ctx);
}

/** A bucket never set answers BucketOwner [S: the API reference's default payer]. */
export function getBucketRequestPayment(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const payer = ctx.state.store.buckets.getDocument<Payer>(bucket.name, 'requestPayment') ?? 'BucketOwner';
  sendXml(ctx, 'RequestPaymentConfiguration', { Payer: payer });
}

/**
 * A Requester-pays bucket refuses a requester other than its owner that does not say it pays. The emulator holds one
 * account: its RAM users, STS credentials and anonymous callers stand in for other accounts' requesters [I] (oss2's
 * test_object_request_payment uses a second account's key, OSS_TEST_PAYER_*, granted by a bucket policy).
 */
export function checkRequestPayer(ctx: OssContext): void {
  const name = ctx.state.bucket;
  if (name === undefined) return;
  const payer = ctx.state.store.buckets.getDocument<Payer>(name, 'requestPayment');
  if (payer === undefined) return;
  const p = ctx.state.principal;
  const owner = p.kind === 'key' && p.identity === undefined;
  // A signed URL carries it as a query parameter (oss2 live test_get/put_object_with_signed_url sign it into the URL).
  const said = ctx.get('x-oss-request-payer') || ctx.state.query.get('x-oss-request-payer') || undefined;
  if (requesterMustPay(payer, owner, said)) throw new OssError('AccessDeniedRequesterPays');
}
