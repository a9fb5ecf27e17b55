// The API → RAM action table (docs/permissions.md §1): base actions, version variants and the tag/KMS extras.
import { describe, expect, it } from 'vitest';
import { copySourceChecks, deleteChecks, requestChecks } from '../../src/domain/actions.js';

const at = { region: 'cn-hangzhou', account: '1000000000000000' };
const obj = (b: string, k: string) => `acs:oss:cn-hangzhou:1000000000000000:${b}/${k}`;
const actions = (checks: { action: string }[]) => checks.map((c) => c.action);

describe('requestChecks', () => {
  it('bucket APIs check their action on the bucket ARN; ListBuckets on the account', () => {
    expect(requestChecks('ListObjects', at, { bucket: 'b' })).toEqual([{ action: 'oss:ListObjects', resource: 'acs:oss:cn-hangzhou:1000000000000000:b' }]);
    expect(requestChecks('ListBuckets', at, {})).toEqual([{ action: 'oss:ListBuckets', resource: 'acs:oss:cn-hangzhou:1000000000000000:*' }]);
    expect(requestChecks('DescribeRegions', at, {})).toEqual([{ action: 'oss:DescribeRegions', resource: 'acs:oss:cn-hangzhou:1000000000000000:*' }]);
  });

  it('bucket tags are checked as the …Tagging actions (bucket tagging SDK pages)', () => {
    expect(actions(requestChecks('PutBucketTags', at, { bucket: 'b' }))).toEqual(['oss:PutBucketTagging']);
    expect(actions(requestChecks('GetBucketTags', at, { bucket: 'b' }))).toEqual(['oss:GetBucketTagging']);
    expect(actions(requestChecks('DeleteBucketTags', at, { bucket: 'b' }))).toEqual(['oss:DeleteBucketTagging']);
    expect(actions(requestChecks('GetBucketStat', at, { bucket: 'b' }))).toEqual(['oss:GetBucketStat']);
    expect(actions(requestChecks('PutBucketOverwriteConfig', at, { bucket: 'b' }))).toEqual(['oss:PutBucketOverwriteConfig']);
    expect(actions(requestChecks('DeleteBucketOverwriteConfig', at, { bucket: 'b' }))).toEqual(['oss:DeleteBucketOverwriteConfig']);
    expect(actions(requestChecks('PutBucketEncryption', at, { bucket: 'b' }))).toEqual(['oss:PutBucketEncryption']);
    expect(actions(requestChecks('PutBucketCors', at, { bucket: 'b' }))).toEqual(['oss:PutBucketCors']);
  });

  it('a versionId switches to the Version variant where OSS has one', () => {
    expect(actions(requestChecks('GetObject', at, { bucket: 'b', key: 'k', versionId: true }))).toEqual(['oss:GetObjectVersion']);
    expect(actions(requestChecks('DeleteObjectTagging', at, { bucket: 'b', key: 'k', versionId: true }))).toEqual(['oss:DeleteObjectVersionTagging']);
    expect(actions(requestChecks('PutObject', at, { bucket: 'b', key: 'k', versionId: true }))).toEqual(['oss:PutObject']);
  });

  it('writes add oss:PutObjectTagging for x-oss-tagging and both KMS actions for SSE-KMS', () => {
    const checks = requestChecks('PutObject', at, { bucket: 'b', key: 'k', setsTags: true, kmsKeyId: 'key-1' });
    expect(checks).toEqual([
      { action: 'oss:PutObject', resource: obj('b', 'k') },
      { action: 'oss:PutObjectTagging', resource: obj('b', 'k') },
      { action: 'kms:GenerateDataKey', resource: 'acs:kms:cn-hangzhou:1000000000000000:key/key-1' },
      { action: 'kms:Decrypt', resource: 'acs:kms:cn-hangzhou:1000000000000000:key/key-1' },
    ]);
    // UploadPart's encryption was fixed at initiation: no extras.
    expect(actions(requestChecks('UploadPart', at, { bucket: 'b', key: 'k', setsTags: true, kmsKeyId: 'x' }))).toEqual(['oss:PutObject']);
  });
});

describe('copySourceChecks', () => {
  const src = { bucket: 's', key: 'a', versionId: false, copiesTags: false };
  it('oss:GetObject only for a plain source', () => {
    expect(copySourceChecks(at, src, { bucket: 'd', key: 'b' })).toEqual([{ action: 'oss:GetObject', resource: obj('s', 'a') }]);
  });

  it('a version adds oss:GetObjectVersion; copied tags add the (Version)Tagging pair', () => {
    expect(actions(copySourceChecks(at, { ...src, versionId: true, copiesTags: true }, { bucket: 'd', key: 'b' }))).toEqual([
      'oss:GetObject',
      'oss:GetObjectVersion',
      'oss:GetObjectVersionTagging',
      'oss:PutObjectTagging',
    ]);
    const put = copySourceChecks(at, { ...src, copiesTags: true }, { bucket: 'd', key: 'b' }).at(-1);
    expect(put).toEqual({ action: 'oss:PutObjectTagging', resource: obj('d', 'b') });
  });

  it('UploadPartCopy (no destination given) never checks tags; an SSE-KMS source needs kms:Decrypt', () => {
    expect(actions(copySourceChecks(at, { ...src, copiesTags: true, kmsKeyId: 'k1' }))).toEqual(['oss:GetObject', 'kms:Decrypt']);
  });
});

describe('deleteChecks', () => {
  it('one check per key, the Version variant for versioned entries', () => {
    expect(deleteChecks(at, 'b', [{ key: 'x' }, { key: 'y', versionId: 'v' }])).toEqual([
      { action: 'oss:DeleteObject', resource: obj('b', 'x') },
      { action: 'oss:DeleteObjectVersion', resource: obj('b', 'y') },
    ]);
  });
});
