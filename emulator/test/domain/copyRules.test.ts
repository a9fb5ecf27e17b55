import { describe, expect, it } from 'vitest';
import { codeOf } from './support.js';
import { GiB, parseMetadataDirective, planCopy, type CopyRequest } from '../../src/domain/copyRules.js';

const base: CopyRequest = {
  sourceBucket: { name: 'src' },
  destBucket: { name: 'dst', storageClass: 'Standard' },
  destKey: 'copy.txt',
  source: {
    key: 'a.txt',
    size: 11,
    isLatest: true,
    storageClass: 'IA',
    metadata: { standard: { 'content-type': 'text/plain', 'cache-control': 'no-cache' }, user: { author: 'alice' } },
    tags: [{ key: 'k', value: 'v' }],
  },
  metadataDirective: 'COPY',
  requestMetadata: { standard: {}, user: { editor: 'bob' } },
  taggingDirective: 'Copy',
  requestTags: [],
};
const code = codeOf;

describe('planCopy (behaviour §1.4–1.11)', () => {
  it('COPY keeps the source metadata and tags; ACL resets to default; class from the destination bucket [I]', () => {
    const plan = planCopy(base);
    expect(plan.metadata).toEqual(base.source.metadata);
    expect(plan.tags).toEqual(base.source.tags);
    expect(plan.acl).toBe('default');
    expect(plan.storageClass).toBe('Standard');
    expect(plan.encryption).toBeUndefined();
  });

  it('REPLACE takes the request metadata but keeps Content-Type when the request has none', () => {
    const plan = planCopy({ ...base, metadataDirective: 'REPLACE' });
    expect(plan.metadata).toEqual({ standard: { 'content-type': 'text/plain' }, user: { editor: 'bob' } });
  });

  it('REPLACE keeps the source client-side-encryption-* metadata (PY2 live suite test_different_bucket_single_replace_meta_and_tag)', () => {
    const cse = { 'client-side-encryption-key': 'k', 'client-side-encryption-start': 's', owner: 'alice' };
    const source = { ...base.source, metadata: { standard: { 'content-type': 'text/plain' }, user: cse } };
    const plan = planCopy({ ...base, source, metadataDirective: 'REPLACE' });
    expect(plan.metadata.user).toEqual({ 'client-side-encryption-key': 'k', 'client-side-encryption-start': 's', editor: 'bob' });
  });

  it('a copy onto the current version of itself uses the request metadata whatever the directive', () => {
    const plan = planCopy({ ...base, destBucket: { ...base.destBucket, name: 'src' }, destKey: 'a.txt' });
    expect(plan.metadata.user).toEqual({ editor: 'bob' });
  });

  it('Replace tags come from the request', () => {
    expect(planCopy({ ...base, taggingDirective: 'Replace', requestTags: [{ key: 'x', value: 'y' }] }).tags).toEqual([{ key: 'x', value: 'y' }]);
  });

  it('refuses sources over the size limits', () => {
    const huge = { ...base.source, size: 5 * GiB + 1 };
    expect(code(() => planCopy({ ...base, source: huge }))).toBe('EntityTooLarge');
    expect(code(() => planCopy({ ...base, source: huge, destBucket: { ...base.destBucket, name: 'src' } }))).toBe('ok');
    const big = { ...base.source, size: GiB + 1 };
    expect(code(() => planCopy({ ...base, source: big, encryption: { algorithm: 'AES256' } }))).toBe('EntityTooLarge');
  });

  it('metadata directive: COPY/REPLACE in any case, anything else InvalidArgument', () => {
    expect(parseMetadataDirective(undefined)).toBe('COPY');
    expect(parseMetadataDirective('replace')).toBe('REPLACE');
    expect(code(() => parseMetadataDirective('MERGE'))).toBe('InvalidArgument');
  });
});
