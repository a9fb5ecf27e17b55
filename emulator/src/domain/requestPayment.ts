// Requester pays (Put/GetBucketRequestPayment, behaviour §14.14): who pays for a bucket's requests, and which requests
// a Requester-pays bucket refuses. Sources: the PutBucketRequestPayment / GetBucketRequestPayment API reference
// (`<RequestPaymentConfiguration><Payer>BucketOwner|Requester</Payer>`), PY2 live
// tests/integration/test_bucket_request_payment_client.py (read back as put), oss2 live
// tests/test_object_request_payment.py (a requester's object requests without `x-oss-request-payer: requester` are
// AccessDenied, with it they succeed), and the Go SDK v2's mocked answer and live test (403 AccessDenied "Access
// denied for requester pay bucket", EC 0003-00000703; `RequestPayer: bucketOwner` is refused too).
import { OssError, invalidArgument } from './errors.js';

export type Payer = 'BucketOwner' | 'Requester';

export const PAYERS: Payer[] = ['BucketOwner', 'Requester'];

/** The Payer of a PutBucketRequestPayment body (parsed XML). */
export function parseRequestPayment(doc: Record<string, unknown> | undefined): Payer {
  const root = doc?.RequestPaymentConfiguration;
  if (root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const payer = (root as Record<string, unknown>).Payer;
  if (typeof payer !== 'string') throw new OssError('MalformedXML', { ErrorDetail: 'Payer is missing' });
  // [I] the code of an unknown Payer is not captured.
  if (!(PAYERS as string[]).includes(payer)) throw invalidArgument('InvalidArgumentPayer', 'Payer', payer);
  return payer as Payer;
}

/**
 * Whether a request is refused by the bucket's payer setting: only under Requester, only for a requester other than
 * the bucket owner, and only without `x-oss-request-payer: requester` (compared without case [I]).
 */
export function requesterMustPay(payer: Payer, ownerRequest: boolean, payerHeader: string | undefined): boolean {
  if (payer !== 'Requester' || ownerRequest) return false;
  return payerHeader?.toLowerCase() !== 'requester';
}
