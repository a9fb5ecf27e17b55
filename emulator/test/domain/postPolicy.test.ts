// domain/postPolicy.ts: the PostObject policy document and its conditions, without HTTP (behaviour §9.13).
import { describe, expect, it } from 'vitest';
import { OssError } from '../../src/domain/errors.js';
import { checkLength, checkPostPolicy, objectKeyOf, parsePostPolicy, successStatus } from '../../src/domain/postPolicy.js';

const b64 = (doc: unknown) => Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)).toString('base64');
const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const LATER = '2026-12-01T13:00:00.000Z';

function refusal(fn: () => unknown): { code: string; message: string; ec?: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof OssError) return { code: err.code, message: err.message, ...(err.ec ? { ec: err.ec } : {}) };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('parsePostPolicy', () => {
  it('reads expiration and every condition form of the API reference example', () => {
    const policy = parsePostPolicy(
      b64({
        expiration: '2014-12-01T12:00:00.000Z',
        conditions: [
          { bucket: 'johnsmith' },
          ['content-length-range', 1, 10],
          ['eq', '$success_action_status', '201'],
          ['starts-with', '$key', 'user/eric/'],
          ['in', '$content-type', ['image/jpg', 'image/png']],
          ['not-in', '$cache-control', ['no-cache']],
        ],
      }),
    );
    expect(policy.expiration).toBe(Date.parse('2014-12-01T12:00:00.000Z'));
    expect(policy.conditions.map((c) => c.text)).toEqual([
      '["eq", "$bucket", "johnsmith"]',
      '["content-length-range", 1, 10]',
      '["eq", "$success_action_status", "201"]',
      '["starts-with", "$key", "user/eric/"]',
      '["in", "$content-type", ["image/jpg", "image/png"]]',
      '["not-in", "$cache-control", ["no-cache"]]',
    ]);
  });

  it('refuses malformed documents with InvalidPolicyDocument', () => {
    expect(refusal(() => parsePostPolicy(b64('{"expiration": oops')))).toMatchObject({ code: 'InvalidPolicyDocument' });
    expect(refusal(() => parsePostPolicy(b64({ expiration: LATER, conditions: [{ a: '1', b: '2' }] })))).toEqual({
      code: 'InvalidPolicyDocument',
      message: 'Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.',
    });
    expect(refusal(() => parsePostPolicy(b64({ test: 'test', expiration: LATER, conditions: [['content-length-range', 0, 1]] })))).toMatchObject({
      code: 'InvalidPolicyDocument',
      ec: '0006-00000206',
    });
    expect(refusal(() => parsePostPolicy(b64({ expiration: LATER, conditions: [['not-in', '$cache-control', 'no-cache']] })))).toMatchObject({
      ec: '0006-00000224',
    });
    expect(refusal(() => parsePostPolicy(b64({ expiration: 'tomorrow', conditions: [{ bucket: 'b' }] })))).toMatchObject({ code: 'InvalidPolicyDocument' });
    expect(refusal(() => parsePostPolicy(b64({ expiration: LATER, conditions: [] })))).toMatchObject({ code: 'InvalidPolicyDocument' });
    expect(refusal(() => parsePostPolicy(b64({ expiration: LATER, conditions: [['matches', '$key', 'x']] })))).toMatchObject({ code: 'InvalidPolicyDocument' });
  });
});

describe('checkPostPolicy', () => {
  const fields = new Map([
    ['bucket', 'b'],
    ['key', 'user/eric/a.txt'],
    ['content-type', 'image/png'],
  ]);
  const field = (name: string) => fields.get(name.toLowerCase());

  it('passes a form that meets every condition and returns the length range', () => {
    const policy = parsePostPolicy(
      b64({ expiration: LATER, conditions: [{ bucket: 'b' }, ['starts-with', '$key', 'user/eric/'], ['in', '$Content-Type', ['image/png']], ['content-length-range', 1, 10]] }),
    );
    expect(checkPostPolicy(policy, field, NOW)).toEqual({ min: 1, max: 10 });
  });

  it('refuses an expired policy, a failed condition and a condition on a missing field, quoting the condition', () => {
    const expired = parsePostPolicy(b64({ expiration: '2026-12-01T11:59:59Z', conditions: [{ bucket: 'b' }] }));
    expect(refusal(() => checkPostPolicy(expired, field, NOW))).toEqual({ code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.' });
    const key = parsePostPolicy(b64({ expiration: LATER, conditions: [['starts-with', '$key', 'user/bob/']] }));
    expect(refusal(() => checkPostPolicy(key, field, NOW))).toEqual({
      code: 'AccessDenied',
      message: 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "user/bob/"]',
      ec: '0006-00000227',
    });
    const missing = parsePostPolicy(b64({ expiration: LATER, conditions: [['eq', 'success_action_status', '200']] }));
    expect(refusal(() => checkPostPolicy(missing, field, NOW))).toEqual({
      code: 'AccessDenied',
      message: 'Invalid according to Policy: Policy Condition failed: ["eq", "$success_action_status", "200"]',
      ec: '0006-00000226',
    });
    const notIn = parsePostPolicy(b64({ expiration: LATER, conditions: [['not-in', '$content-type', ['image/png']]] }));
    expect(refusal(() => checkPostPolicy(notIn, field, NOW)).code).toBe('AccessDenied');
  });
});

describe('the form helpers', () => {
  it('bounds the size by the range', () => {
    expect(() => checkLength({ min: 1, max: 10 }, 10)).not.toThrow();
    expect(refusal(() => checkLength({ min: 1, max: 10 }, 11)).code).toBe('EntityTooLarge');
    expect(refusal(() => checkLength({ min: 1, max: 10 }, 0))).toEqual({ code: 'EntityTooSmall', message: 'Your proposed upload smaller than the minimum allowed size.' });
    expect(() => checkLength(undefined, 0)).not.toThrow();
  });

  it('substitutes ${filename} and reads success_action_status', () => {
    expect(objectKeyOf('user/${filename}', 'a.png')).toBe('user/a.png');
    expect(objectKeyOf('fixed.txt', 'a.png')).toBe('fixed.txt');
    expect([successStatus('200'), successStatus('201'), successStatus('204'), successStatus('302'), successStatus(undefined)]).toEqual([200, 201, 204, 204, 204]);
  });
});
