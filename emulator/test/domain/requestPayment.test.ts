// Requester pays (domain/requestPayment.ts): the Payer document and which requests must say they pay.
import { describe, expect, it } from 'vitest';
import { parseRequestPayment, requesterMustPay } from '../../src/domain/requestPayment.js';

describe('requesterMustPay', () => {
  it('only a Requester-pays bucket, only a requester other than the owner, only without the header', () => {
    expect(requesterMustPay('BucketOwner', false, undefined)).toBe(false);
    expect(requesterMustPay('Requester', true, undefined)).toBe(false);
    expect(requesterMustPay('Requester', false, undefined)).toBe(true);
    expect(requesterMustPay('Requester', false, 'requester')).toBe(false);
    // Go SDK v2 live test: RequestPayer "bucketOwner" is refused.
    expect(requesterMustPay('Requester', false, 'bucketOwner')).toBe(true);
  });
});

describe('parseRequestPayment', () => {
  it('reads Payer; refuses another value or a missing one', () => {
    expect(parseRequestPayment({ RequestPaymentConfiguration: { Payer: 'Requester' } })).toBe('Requester');
    expect(() => parseRequestPayment({ RequestPaymentConfiguration: { Payer: 'Someone' } })).toThrow();
    expect(() => parseRequestPayment({ RequestPaymentConfiguration: '' })).toThrow();
  });
});
