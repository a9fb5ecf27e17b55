// Block Public Access (domain/publicAccessBlock.ts): the flag's document, public ACLs and public policies.
import { describe, expect, it } from 'vitest';
import { isPublicAcl, isPublicPolicy, parsePublicAccessBlock, publicAccessBlockedBy } from '../../src/domain/publicAccessBlock.js';
import { parsePolicy } from '../../src/domain/policy.js';

describe('publicAccessBlock', () => {
  it('reads the flag, false when absent, refuses another value', () => {
    expect(parsePublicAccessBlock({ PublicAccessBlockConfiguration: { BlockPublicAccess: 'true' } })).toBe(true);
    expect(parsePublicAccessBlock({ PublicAccessBlockConfiguration: { BlockPublicAccess: 'false' } })).toBe(false);
    expect(parsePublicAccessBlock({ PublicAccessBlockConfiguration: '' })).toBe(false);
    // oss2 sends Python's spelling.
    expect(parsePublicAccessBlock({ PublicAccessBlockConfiguration: { BlockPublicAccess: 'True' } })).toBe(true);
    expect(() => parsePublicAccessBlock({ PublicAccessBlockConfiguration: { BlockPublicAccess: 'on' } })).toThrow();
    expect(() => parsePublicAccessBlock({})).toThrow();
  });

  it('blocked when on at any level the request passes: account, bucket or access point', () => {
    expect(publicAccessBlockedBy({})).toBe(false);
    expect(publicAccessBlockedBy({ account: false, bucket: false, accessPoint: false })).toBe(false);
    expect(publicAccessBlockedBy({ account: true })).toBe(true);
    expect(publicAccessBlockedBy({ bucket: true, account: false })).toBe(true);
    expect(publicAccessBlockedBy({ accessPoint: true })).toBe(true);
  });

  it('public ACLs', () => {
    expect([isPublicAcl('public-read'), isPublicAcl('public-read-write'), isPublicAcl('private'), isPublicAcl('default')]).toEqual([true, true, false, false]);
  });

  it('a policy is public when an unconditioned Allow names no Principal or a wildcard one', () => {
    const stmt = (s: object) => parsePolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Resource: ['acs:oss:*:*:b/*'], ...s }] });
    expect(isPublicPolicy(stmt({ Principal: ['*'] }))).toBe(true);
    expect(isPublicPolicy(stmt({}))).toBe(true); // no Principal: PY2 live test_bucket_policy_client
    expect(isPublicPolicy(stmt({ Principal: ['2000000000000001'] }))).toBe(false);
    expect(isPublicPolicy(stmt({ Principal: ['*'], Effect: 'Deny' }))).toBe(false);
    expect(isPublicPolicy(stmt({ Principal: ['*'], Condition: { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } } }))).toBe(false);
  });
});
