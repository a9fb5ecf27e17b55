import { describe, expect, it } from 'vitest';
import { COPY_CONDITION_NAMES, evaluateConditions } from '../../src/domain/conditions.js';

const target = { etag: '5EB63BBBE01EEED093CB22BB8F5ACDC3', lastModified: Date.parse('Tue, 09 Apr 2019 03:45:32 GMT') + 400 };
const quoted = '"5EB63BBBE01EEED093CB22BB8F5ACDC3"';
const precondition = (c: Parameters<typeof evaluateConditions>[0]) => {
  try {
    return evaluateConditions(c, target, COPY_CONDITION_NAMES);
  } catch (err) {
    return (err as { code: string; details: Record<string, string> }).code + ':' + (err as { details: Record<string, string> }).details.Condition;
  }
};

describe('conditional headers (behaviour §1.3)', () => {
  // A copy's failure names If-Match / If-Unmodified-Since, as live OSS answers ali-oss (audit #6).
  it('if-match: quoted or bare ETag passes, another fails with 412 naming If-Match (copies too)', () => {
    expect(precondition({ ifMatch: quoted })).toBe('proceed');
    expect(precondition({ ifMatch: target.etag.toLowerCase() })).toBe('proceed');
    expect(precondition({ ifMatch: '"00"' })).toBe('PreconditionFailed:If-Match');
  });

  it('if-none-match equal and if-modified-since equal-or-later → 304; unparsable dates pass', () => {
    expect(precondition({ ifNoneMatch: quoted })).toBe('not-modified');
    expect(precondition({ ifModifiedSince: 'Tue, 09 Apr 2019 03:45:32 GMT' })).toBe('not-modified');
    expect(precondition({ ifModifiedSince: 'Tue, 09 Apr 2019 03:45:31 GMT' })).toBe('proceed');
    expect(precondition({ ifModifiedSince: 'yesterday-ish' })).toBe('proceed');
  });

  it('if-unmodified-since equal passes, earlier fails; 412 wins over 304 [I]', () => {
    expect(precondition({ ifUnmodifiedSince: 'Tue, 09 Apr 2019 03:45:32 GMT' })).toBe('proceed');
    expect(precondition({ ifUnmodifiedSince: 'Tue, 09 Apr 2019 03:45:31 GMT' })).toBe(
      'PreconditionFailed:If-Unmodified-Since',
    );
    expect(precondition({ ifMatch: '"00"', ifNoneMatch: quoted })).toBe('PreconditionFailed:If-Match');
  });
});
