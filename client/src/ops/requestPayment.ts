// Request payment (PY2 put/get_bucket_request_payment): `?requestPayment` on a bucket.
import { buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, str, type Node, type Wire } from './wire.js';

const SUB: [string, undefined][] = [['requestPayment', undefined]];

export async function putBucketRequestPayment(wire: Wire, req: M.PutBucketRequestPaymentRequest): Promise<M.PutBucketRequestPaymentResult> {
  const p = req.requestPaymentConfiguration.payer;
  const body = buildXml('RequestPaymentConfiguration', p !== undefined ? { Payer: p } : {});
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: SUB, headers: { 'content-md5': md5(body) }, body }));
}

export async function getBucketRequestPayment(wire: Wire, req: M.GetBucketRequestPaymentRequest): Promise<M.GetBucketRequestPaymentResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: SUB });
  const root = (await wire.xml(res)).RequestPaymentConfiguration as Node | undefined;
  return { ...base(res), requestPaymentConfiguration: { payer: str(root, 'Payer') } };
}
