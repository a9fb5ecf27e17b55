import { describe, expect, it } from 'vitest';
import {
  type Caller,
  type Policy,
  PolicyError,
  actionMatches,
  conditionsHold,
  evaluate,
  kmsArn,
  ossArn,
  parsePolicy,
  principalMatches,
  resourceMatches,
  wildcardMatch,
} from '../../src/domain/policy.js';

const obj = (bucket: string, key: string) => ossArn({ region: 'cn-hangzhou', account: '1000000000000000' }, bucket, key);
const policy = (...Statement: unknown[]): Policy => parsePolicy({ Version: '1', Statement });
const request = (action: string, resource: string, context: Record<string, string | undefined> = {}, caller?: Caller) => ({
  action,
  resource,
  context,
  caller,
});
const parseError = (doc: unknown): string => {
  try {
    parsePolicy(doc);
    return 'parsed';
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyError);
    return (err as Error).message;
  }
};

describe('parsePolicy', () => {
  it('normalizes single values to lists and keeps the RAM element names', () => {
    const p = parsePolicy(
      JSON.stringify({
        Version: '1',
        Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:*:b/*', Condition: { Bool: { 'acs:SecureTransport': true } } }],
      }),
    );
    expect(p).toEqual({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Resource: ['acs:oss:*:*:b/*'], Condition: { Bool: { 'acs:SecureTransport': ['true'] } } }],
    });
  });

  it('accepts NotAction / NotResource, a lone statement object, Sid, and numbers as condition values', () => {
    const p = parsePolicy({
      Version: '1',
      Statement: { Sid: 'x', Effect: 'Deny', NotAction: ['oss:Get*'], NotResource: 'acs:oss:*:*:public/*', Condition: { NumericLessThan: { 'oss:max-keys': 100 } } },
    });
    expect(p.Statement).toEqual([
      { Effect: 'Deny', NotAction: ['oss:Get*'], NotResource: ['acs:oss:*:*:public/*'], Condition: { NumericLessThan: { 'oss:max-keys': ['100'] } } },
    ]);
  });

  it('flattens every Principal form; an empty list means everyone', () => {
    const principal = (Principal: unknown) => policy({ Effect: 'Allow', Action: '*', Resource: '*', Principal }).Statement[0]!.Principal;
    expect(principal('*')).toEqual(['*']);
    expect(principal([])).toEqual(['*']);
    expect(principal(['123', '456'])).toEqual(['123', '456']);
    expect(principal({ RAM: ['acs:ram::123:root'] })).toEqual(['acs:ram::123:root']);
    expect(principal({ RAM: 'acs:ram::123:root', Service: ['ecs.aliyuncs.com'] })).toEqual(['acs:ram::123:root', 'ecs.aliyuncs.com']);
  });

  it('canonicalizes operator names written in another case', () => {
    const p = policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { stringlike: { 'oss:Prefix': 'a/*' } } });
    expect(p.Statement[0]!.Condition).toEqual({ StringLike: { 'oss:Prefix': ['a/*'] } });
  });

  it('rejects malformed documents with a message naming the problem', () => {
    expect(parseError('{not json')).toMatch(/^policy is not valid JSON/);
    expect(parseError('[]')).toMatch(/must be a JSON object/);
    expect(parseError(null)).toMatch(/must be a JSON object/);
    expect(parseError({ Statement: [] })).toMatch(/Version is missing/);
    expect(parseError({ Version: 1, Statement: [] })).toMatch(/Version must be the string "1", not 1/);
    expect(parseError({ Version: '2', Statement: [] })).toMatch(/Version must be the string "1"/);
    expect(parseError({ Version: '1' })).toMatch(/Statement is missing/);
    expect(parseError({ Version: '1', Statement: [], Id: 'x' })).toMatch(/^Id is not a policy element$/);
    expect(parseError({ version: '1', Statement: [] })).toMatch(/version is not a policy element \(element names are case-sensitive: Version\)/);
    expect(parseError({ Version: '1', Statement: ['x'] })).toMatch(/Statement\[0\] must be an object/);
  });

  it('rejects bad statements, naming the statement and element', () => {
    const bad = (st: unknown) => parseError({ Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, st] });
    expect(bad({ Effect: 'allow', Action: '*', Resource: '*' })).toBe('Statement[1].Effect must be "Allow" or "Deny", not "allow"');
    expect(bad({ Action: '*', Resource: '*' })).toMatch(/Statement\[1\]\.Effect must be/);
    expect(bad({ Effect: 'Allow', Resource: '*' })).toBe('Statement[1] needs Action or NotAction');
    expect(bad({ Effect: 'Allow', Action: '*' })).toBe('Statement[1] needs Resource or NotResource');
    expect(bad({ Effect: 'Allow', Action: '*', NotAction: 'x', Resource: '*' })).toMatch(/has both Action and NotAction/);
    expect(bad({ Effect: 'Allow', Action: [], Resource: '*' })).toMatch(/Statement\[1\]\.Action must not be an empty list/);
    expect(bad({ Effect: 'Allow', Action: [1], Resource: '*' })).toMatch(/Action must be a non-empty string/);
    expect(bad({ Effect: 'Allow', Action: '*', Resource: [''] })).toMatch(/Resource must be a non-empty string/);
    expect(bad({ Effect: 'Allow', Actions: '*', Resource: '*' })).toMatch(/Actions is not a policy element/);
    expect(bad({ Effect: 'Allow', Action: '*', Resource: '*', Principal: { RAM: [] } })).toMatch(/Principal\.RAM must not be an empty list/);
    expect(bad({ Effect: 'Allow', Action: '*', Resource: '*', Principal: 5 })).toMatch(/Principal must be a non-empty string/);
  });

  it('rejects bad conditions: unknown operators, empty blocks, values the operator cannot read', () => {
    const cond = (Condition: unknown) => parseError({ Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition }] });
    expect(cond('x')).toMatch(/Condition must be an object/);
    expect(cond({ StringEqualz: { k: 'v' } })).toMatch(/unknown operator "StringEqualz"/);
    expect(cond({ StringEquals: {} })).toMatch(/StringEquals must map condition keys/);
    expect(cond({ StringEquals: { k: [] } })).toMatch(/StringEquals\.k must not be an empty list/);
    expect(cond({ StringEquals: { k: { a: 1 } } })).toMatch(/must be a string, number or boolean/);
    expect(cond({ NumericEquals: { k: 'ten' } })).toMatch(/"ten" is not a number/);
    expect(cond({ NumericEquals: { k: '' } })).toMatch(/is not a number/);
    expect(cond({ DateLessThan: { 'acs:CurrentTime': 'soon' } })).toMatch(/is not an ISO 8601 date/);
    expect(cond({ Bool: { 'acs:SecureTransport': 'yes' } })).toMatch(/is not true or false/);
    expect(cond({ IpAddress: { 'acs:SourceIp': '10.0.0.0/33' } })).toMatch(/prefix length out of range/);
    expect(cond({ IpAddress: { 'acs:SourceIp': '10.0.0.0/x' } })).toMatch(/prefix length out of range/);
    expect(cond({ NotIpAddress: { 'acs:SourceIp': 'example.com' } })).toMatch(/is not an IP address or CIDR block/);
    expect(cond({ IpAddress: { 'acs:SourceIp': ['10.0.0.0/8', '2001:db8::/32', '192.168.1.1'] } })).toBe('parsed');
  });
});

describe('wildcards', () => {
  it('* spans any run (also empty), ? exactly one character', () => {
    expect(wildcardMatch('a*c', 'ac')).toBe(true);
    expect(wildcardMatch('a*c', 'abbbc')).toBe(true);
    expect(wildcardMatch('a?c', 'abc')).toBe(true);
    expect(wildcardMatch('a?c', 'ac')).toBe(false);
    expect(wildcardMatch('*a*b*', 'xxaxxbxx')).toBe(true);
    expect(wildcardMatch('*a*b', 'xxaxxbxxc')).toBe(false);
    expect(wildcardMatch('abc', 'abcd')).toBe(false);
    expect(wildcardMatch('**', '')).toBe(true);
    expect(wildcardMatch('?', '😀')).toBe(true); // one code point, two UTF-16 units
  });

  it('stays fast on patterns that would make a naive backtracker blow up', () => {
    const text = 'a'.repeat(5000);
    const started = Date.now();
    expect(wildcardMatch('*a*a*a*a*a*a*b', text)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('actions compare without case', () => {
    expect(actionMatches('oss:Get*', 'oss:GetObject')).toBe(true);
    expect(actionMatches('OSS:getobject', 'oss:GetObject')).toBe(true);
    expect(actionMatches('oss:*', 'oss:PutObject')).toBe(true);
    expect(actionMatches('*', 'kms:Decrypt')).toBe(true);
    expect(actionMatches('kms:Decrypt', 'kms:Decrypt')).toBe(true);
    expect(actionMatches('oss:Get*', 'oss:PutObject')).toBe(false);
    expect(actionMatches('oss:GetObject', 'oss:GetObjectAcl')).toBe(false);
    expect(actionMatches('kms:*', 'oss:GetObject')).toBe(false);
  });

  it('resources: * segments match anything, bucket and key compare with case, the acs:service head without', () => {
    expect(resourceMatches('acs:oss:*:*:src/*', obj('src', 'a/b.txt'))).toBe(true);
    expect(resourceMatches('acs:oss:*:*:src/*', obj('src2', 'a'))).toBe(false);
    expect(resourceMatches('acs:oss:*:*:src', obj('src', 'a'))).toBe(false); // the bucket is not its objects
    expect(resourceMatches('acs:oss:*:*:src', ossArn({ region: 'cn-hangzhou', account: '1' }, 'src'))).toBe(true);
    expect(resourceMatches('acs:oss:*:*:*', ossArn({ region: 'cn-hangzhou', account: '1' }, 'any'))).toBe(true);
    expect(resourceMatches('acs:oss:*:*:src/A*', obj('src', 'a.txt'))).toBe(false);
    expect(resourceMatches('acs:oss:*:*:Src/*', obj('src', 'a.txt'))).toBe(false);
    expect(resourceMatches('ACS:OSS:*:*:src/*', obj('src', 'a.txt'))).toBe(true);
    expect(resourceMatches('acs:oss:cn-beijing:*:src/*', obj('src', 'a'))).toBe(false);
    expect(resourceMatches('acs:oss:*:1000000000000000:src/dir/*', obj('src', 'dir/x'))).toBe(true);
    expect(resourceMatches('acs:oss:*:2000000000000000:src/*', obj('src', 'x'))).toBe(false);
    expect(resourceMatches('*', obj('src', 'x'))).toBe(true);
    expect(resourceMatches('acs:kms:*:*:key/my-key', kmsArn({ region: 'cn-hangzhou', account: '1' }, 'my-key'))).toBe(true);
    expect(resourceMatches('acs:kms:*:*:key/*', kmsArn({ region: 'cn-hangzhou', account: '1' }, 'other'))).toBe(true);
    expect(resourceMatches('acs:kms:*:*:key/my-key', kmsArn({ region: 'cn-hangzhou', account: '1' }, 'my-key-2'))).toBe(false);
    expect(resourceMatches('acs:oss:*:*:src/*', kmsArn({ region: 'cn-hangzhou', account: '1' }, 'src/x'))).toBe(false);
  });

  it('a key holding * or ? is matched literally by a literal pattern', () => {
    expect(resourceMatches('acs:oss:*:*:b/a*b', obj('b', 'a*b'))).toBe(true);
    expect(resourceMatches('acs:oss:*:*:b/a?b', obj('b', 'a?b'))).toBe(true);
  });
});

describe('evaluate', () => {
  const copier = [
    policy({ Effect: 'Allow', Action: ['oss:GetObject', 'oss:PutObject'], Resource: ['acs:oss:*:*:src-bucket/*', 'acs:oss:*:*:dst-bucket/*'] }),
  ];

  it('allows what an Allow statement covers, implicitly denies the rest', () => {
    expect(evaluate(copier, request('oss:GetObject', obj('src-bucket', 'a')))).toBe('allow');
    expect(evaluate(copier, request('oss:PutObject', obj('dst-bucket', 'b')))).toBe('allow');
    expect(evaluate(copier, request('oss:DeleteObject', obj('dst-bucket', 'b')))).toBe('implicit-deny');
    expect(evaluate(copier, request('oss:GetObject', obj('other', 'a')))).toBe('implicit-deny');
    expect(evaluate([], request('oss:GetObject', obj('src-bucket', 'a')))).toBe('implicit-deny');
    expect(evaluate([parsePolicy({ Version: '1', Statement: [] })], request('oss:GetObject', obj('x', 'a')))).toBe('implicit-deny');
  });

  it('an explicit Deny wins over any Allow, in the same policy or another, whatever the order', () => {
    const deny = policy({ Effect: 'Deny', Action: 'oss:PutObject', Resource: 'acs:oss:*:*:dst-bucket/locked/*' });
    expect(evaluate([...copier, deny], request('oss:PutObject', obj('dst-bucket', 'locked/x')))).toBe('deny');
    expect(evaluate([deny, ...copier], request('oss:PutObject', obj('dst-bucket', 'locked/x')))).toBe('deny');
    expect(evaluate([...copier, deny], request('oss:PutObject', obj('dst-bucket', 'open/x')))).toBe('allow');
    expect(evaluate([deny], request('oss:GetObject', obj('dst-bucket', 'locked/x')))).toBe('implicit-deny');
  });

  it('NotAction and NotResource cover everything except what they list', () => {
    const p = [policy({ Effect: 'Allow', NotAction: 'oss:Delete*', NotResource: 'acs:oss:*:*:secret/*' })];
    expect(evaluate(p, request('oss:GetObject', obj('b', 'x')))).toBe('allow');
    expect(evaluate(p, request('oss:DeleteObject', obj('b', 'x')))).toBe('implicit-deny');
    expect(evaluate(p, request('oss:GetObject', obj('secret', 'x')))).toBe('implicit-deny');
    const denyAllButGet = [policy({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', NotAction: 'oss:Get*', Resource: '*' })];
    expect(evaluate(denyAllButGet, request('oss:PutObject', obj('b', 'x')))).toBe('deny');
    expect(evaluate(denyAllButGet, request('oss:GetObject', obj('b', 'x')))).toBe('allow');
  });

  it('KMS actions on key resources', () => {
    const p = [policy({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: 'acs:kms:*:*:key/my-key' })];
    expect(evaluate(p, request('kms:Decrypt', kmsArn({ region: 'cn-hangzhou', account: '1' }, 'my-key')))).toBe('allow');
    expect(evaluate(p, request('kms:Decrypt', kmsArn({ region: 'cn-hangzhou', account: '1' }, 'other-key')))).toBe('implicit-deny');
    expect(evaluate(p, request('kms:Encrypt', kmsArn({ region: 'cn-hangzhou', account: '1' }, 'my-key')))).toBe('implicit-deny');
  });

  it('a statement applies only when its conditions hold (the RAM StringLike oss:Prefix example)', () => {
    const p = [
      policy(
        { Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:*:myphotos/hangzhou/2015/*' },
        { Effect: 'Allow', Action: 'oss:ListObjects', Resource: 'acs:oss:*:*:myphotos', Condition: { StringLike: { 'oss:Prefix': 'hangzhou/2015/*' } } },
      ),
    ];
    const bucket = ossArn({ region: 'cn-hangzhou', account: '1' }, 'myphotos');
    expect(evaluate(p, request('oss:ListObjects', bucket, { 'oss:Prefix': 'hangzhou/2015/x' }))).toBe('allow');
    expect(evaluate(p, request('oss:ListObjects', bucket, { 'oss:Prefix': 'hangzhou/2016/' }))).toBe('implicit-deny');
    expect(evaluate(p, request('oss:ListObjects', bucket, {}))).toBe('implicit-deny');
  });

  it('a Deny guarded by a condition denies only when the condition holds', () => {
    const p = [
      policy({ Effect: 'Allow', Action: 'oss:*', Resource: '*' }, { Effect: 'Deny', Action: 'oss:*', Resource: '*', Condition: { Bool: { 'acs:SecureTransport': 'false' } } }),
    ];
    expect(evaluate(p, request('oss:GetObject', obj('b', 'k'), { 'acs:SecureTransport': 'false' }))).toBe('deny');
    expect(evaluate(p, request('oss:GetObject', obj('b', 'k'), { 'acs:SecureTransport': 'true' }))).toBe('allow');
    expect(evaluate(p, request('oss:GetObject', obj('b', 'k'), {}))).toBe('allow');
  });
});

describe('conditions', () => {
  const holds = (Condition: unknown, context: Record<string, string | undefined>): boolean =>
    conditionsHold(policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition }).Statement[0]!.Condition, context);

  it('no Condition always holds', () => {
    expect(conditionsHold(undefined, {})).toBe(true);
  });

  it('string operators: case rules per operator', () => {
    expect(holds({ StringEquals: { 'oss:Prefix': 'abc' } }, { 'oss:Prefix': 'abc' })).toBe(true);
    expect(holds({ StringEquals: { 'oss:Prefix': 'abc' } }, { 'oss:Prefix': 'ABC' })).toBe(false);
    expect(holds({ StringNotEquals: { 'oss:Prefix': 'abc' } }, { 'oss:Prefix': 'ABC' })).toBe(true);
    expect(holds({ StringNotEquals: { 'oss:Prefix': 'abc' } }, { 'oss:Prefix': 'abc' })).toBe(false);
    expect(holds({ StringEqualsIgnoreCase: { 'oss:Prefix': 'abc' } }, { 'oss:Prefix': 'ABC' })).toBe(true);
    expect(holds({ StringNotEqualsIgnoreCase: { 'oss:Prefix': 'abc' } }, { 'oss:Prefix': 'ABC' })).toBe(false);
    expect(holds({ StringNotEqualsIgnoreCase: { 'oss:Prefix': 'abc' } }, { 'oss:Prefix': 'abd' })).toBe(true);
    expect(holds({ StringLike: { 'oss:Prefix': 'a?c/*' } }, { 'oss:Prefix': 'abc/def' })).toBe(true);
    expect(holds({ StringLike: { 'oss:Prefix': 'a?c/*' } }, { 'oss:Prefix': 'ABC/def' })).toBe(false);
    expect(holds({ StringNotLike: { 'oss:Prefix': 'tmp/*' } }, { 'oss:Prefix': 'data/x' })).toBe(true);
    expect(holds({ StringNotLike: { 'oss:Prefix': 'tmp/*' } }, { 'oss:Prefix': 'tmp/x' })).toBe(false);
  });

  it('condition key names compare without case', () => {
    expect(holds({ StringEquals: { 'OSS:PREFIX': 'a' } }, { 'oss:Prefix': 'a' })).toBe(true);
    expect(holds({ IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, { 'ACS:SOURCEIP': '10.1.1.1' })).toBe(true);
  });

  it('numeric operators', () => {
    const n = (op: string, policyValue: string | number, actual: string) => holds({ [op]: { 'oss:max-keys': policyValue } }, { 'oss:max-keys': actual });
    expect(n('NumericEquals', 100, '100')).toBe(true);
    expect(n('NumericEquals', '100', '100.0')).toBe(true);
    expect(n('NumericEquals', 100, '99')).toBe(false);
    expect(n('NumericNotEquals', 100, '99')).toBe(true);
    expect(n('NumericNotEquals', 100, '100')).toBe(false);
    expect(n('NumericLessThan', 100, '99')).toBe(true);
    expect(n('NumericLessThan', 100, '100')).toBe(false);
    expect(n('NumericLessThanEquals', 100, '100')).toBe(true);
    expect(n('NumericGreaterThan', 100, '101')).toBe(true);
    expect(n('NumericGreaterThan', 100, '100')).toBe(false);
    expect(n('NumericGreaterThanEquals', 100, '100')).toBe(true);
    expect(n('NumericGreaterThanEquals', 100, '-5')).toBe(false);
    expect(n('NumericEquals', 0, '')).toBe(false); // an empty value is not the number 0
    expect(n('NumericLessThan', 100, 'abc')).toBe(false);
  });

  it('date operators compare instants, whatever the zone they are written in', () => {
    const d = (op: string, policyValue: string, now: string) => holds({ [op]: { 'acs:CurrentTime': policyValue } }, { 'acs:CurrentTime': now });
    const limit = '2019-08-12T17:00:00+08:00';
    expect(d('DateLessThan', limit, '2019-08-12T08:59:59Z')).toBe(true);
    expect(d('DateLessThan', limit, '2019-08-12T09:00:00Z')).toBe(false);
    expect(d('DateLessThanEquals', limit, '2019-08-12T09:00:00Z')).toBe(true);
    expect(d('DateEquals', limit, '2019-08-12T09:00:00.000Z')).toBe(true);
    expect(d('DateNotEquals', limit, '2019-08-12T09:00:00Z')).toBe(false);
    expect(d('DateNotEquals', limit, '2020-01-01T00:00:00Z')).toBe(true);
    expect(d('DateGreaterThan', limit, '2019-08-12T09:00:01Z')).toBe(true);
    expect(d('DateGreaterThan', limit, '2019-08-12T09:00:00Z')).toBe(false);
    expect(d('DateGreaterThanEquals', limit, '2019-08-12T09:00:00Z')).toBe(true);
    expect(d('DateLessThan', limit, 'not a date')).toBe(false);
  });

  it('Bool reads true/false without case, and the policy may write a JSON boolean', () => {
    expect(holds({ Bool: { 'acs:SecureTransport': true } }, { 'acs:SecureTransport': 'true' })).toBe(true);
    expect(holds({ Bool: { 'acs:SecureTransport': 'True' } }, { 'acs:SecureTransport': 'TRUE' })).toBe(true);
    expect(holds({ Bool: { 'acs:SecureTransport': 'true' } }, { 'acs:SecureTransport': 'false' })).toBe(false);
  });

  it('IpAddress / NotIpAddress: IPv4 and IPv6 CIDR blocks and single addresses', () => {
    const ip = (op: string, ranges: string | string[], source: string) => holds({ [op]: { 'acs:SourceIp': ranges } }, { 'acs:SourceIp': source });
    expect(ip('IpAddress', '10.0.0.0/8', '10.255.0.1')).toBe(true);
    expect(ip('IpAddress', '10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(ip('IpAddress', '192.168.1.1', '192.168.1.1')).toBe(true);
    expect(ip('IpAddress', '192.168.1.1', '192.168.1.2')).toBe(false);
    expect(ip('IpAddress', '0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(ip('IpAddress', '2001:db8::/32', '2001:db8:1::5')).toBe(true);
    expect(ip('IpAddress', '2001:db8::/32', '2001:db9::5')).toBe(false);
    expect(ip('IpAddress', '2001:db8::/32', '10.0.0.1')).toBe(false);
    expect(ip('IpAddress', '10.0.0.0/8', '::ffff:10.0.0.1')).toBe(true); // IPv4-mapped, as a dual-stack socket reports it
    expect(ip('IpAddress', ['192.168.0.0/16', '10.0.0.0/8'], '10.0.0.1')).toBe(true);
    expect(ip('IpAddress', '10.0.0.0/8', 'garbage')).toBe(false);
    expect(ip('NotIpAddress', '10.0.0.0/8', '11.0.0.1')).toBe(true);
    expect(ip('NotIpAddress', '10.0.0.0/8', '10.0.0.1')).toBe(false);
    expect(ip('NotIpAddress', ['192.168.0.0/16', '10.0.0.0/8'], '10.0.0.1')).toBe(false);
  });

  it('values of one key are ORed; a negated operator needs none of them to match (NOR)', () => {
    expect(holds({ StringEquals: { 'oss:Prefix': ['a', 'b'] } }, { 'oss:Prefix': 'b' })).toBe(true);
    expect(holds({ StringEquals: { 'oss:Prefix': ['a', 'b'] } }, { 'oss:Prefix': 'c' })).toBe(false);
    expect(holds({ StringNotEquals: { 'oss:Prefix': ['a', 'b'] } }, { 'oss:Prefix': 'b' })).toBe(false);
    expect(holds({ StringNotEquals: { 'oss:Prefix': ['a', 'b'] } }, { 'oss:Prefix': 'c' })).toBe(true);
  });

  it('keys in one operator and separate operators are ANDed', () => {
    const keys = { StringEquals: { 'oss:Prefix': 'p', 'oss:Delimiter': '/' } };
    expect(holds(keys, { 'oss:Prefix': 'p', 'oss:Delimiter': '/' })).toBe(true);
    expect(holds(keys, { 'oss:Prefix': 'p', 'oss:Delimiter': '-' })).toBe(false);
    const ops = { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' }, Bool: { 'acs:SecureTransport': 'true' } };
    expect(holds(ops, { 'acs:SourceIp': '10.0.0.1', 'acs:SecureTransport': 'true' })).toBe(true);
    expect(holds(ops, { 'acs:SourceIp': '10.0.0.1', 'acs:SecureTransport': 'false' })).toBe(false);
    expect(holds(ops, { 'acs:SourceIp': '11.0.0.1', 'acs:SecureTransport': 'true' })).toBe(false);
  });

  it('a key absent from the request: positive operators fail, negated operators hold (IAM rule)', () => {
    for (const [op, value] of [
      ['StringEquals', 'a'],
      ['StringEqualsIgnoreCase', 'a'],
      ['StringLike', '*'],
      ['NumericEquals', '1'],
      ['NumericLessThan', '1'],
      ['DateGreaterThan', '2000-01-01T00:00:00Z'],
      ['Bool', 'false'],
      ['IpAddress', '0.0.0.0/0'],
    ]) {
      expect(holds({ [op!]: { 'oss:Absent': value } }, {}), op).toBe(false);
      expect(holds({ [op!]: { 'oss:Absent': value } }, { 'oss:Absent': undefined }), op).toBe(false);
    }
    for (const [op, value] of [
      ['StringNotEquals', 'a'],
      ['StringNotEqualsIgnoreCase', 'a'],
      ['StringNotLike', '*'],
      ['NumericNotEquals', '1'],
      ['DateNotEquals', '2000-01-01T00:00:00Z'],
      ['NotIpAddress', '0.0.0.0/0'],
    ]) {
      expect(holds({ [op!]: { 'oss:Absent': value } }, {}), op).toBe(true);
    }
  });
});

describe('bucket-policy Principal', () => {
  const st = (Principal: unknown, Condition?: unknown) =>
    policy({ Effect: 'Allow', Action: '*', Resource: '*', Principal, ...(Condition === undefined ? {} : { Condition }) }).Statement[0]!;
  const user: Caller = { ids: ['2000000000000001', '1000000000000000'] };
  const owner: Caller = { ids: ['1000000000000000'], isBucketOwner: true };

  it('a statement without Principal (a RAM identity policy) applies to whoever holds it', () => {
    expect(principalMatches(policy({ Effect: 'Allow', Action: '*', Resource: '*' }).Statement[0]!, undefined)).toBe(true);
  });

  it('named ids match callers that answer to them; acs:ram::{account}:root names the account', () => {
    expect(principalMatches(st(['2000000000000001']), user)).toBe(true);
    expect(principalMatches(st(['2000000000000002']), user)).toBe(false);
    expect(principalMatches(st({ RAM: ['acs:ram::1000000000000000:root'] }), user)).toBe(true);
    expect(principalMatches(st({ RAM: ['acs:ram::3000000000000000:root'] }), user)).toBe(false);
    expect(principalMatches(st(['2000000000000001']), undefined)).toBe(false);
  });

  it('* matches anyone, anonymous included, except the bucket owner when the statement has no Condition', () => {
    expect(principalMatches(st('*'), user)).toBe(true);
    expect(principalMatches(st([]), undefined)).toBe(true);
    expect(principalMatches(st('*'), owner)).toBe(false);
    expect(principalMatches(st('*', { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }), owner)).toBe(true);
    expect(principalMatches(st(['*', '1000000000000000']), owner)).toBe(true);
  });

  it('evaluate consults Principal: a bucket policy grants or denies only the callers it names', () => {
    const bucketPolicy = [
      policy(
        { Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:*:shared/*', Principal: ['2000000000000001'] },
        { Effect: 'Deny', Action: 'oss:*', Resource: 'acs:oss:*:*:shared/*', Principal: '*', Condition: { NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } },
      ),
    ];
    const inside = { 'acs:SourceIp': '10.0.0.9' };
    const outside = { 'acs:SourceIp': '8.8.8.8' };
    expect(evaluate(bucketPolicy, request('oss:GetObject', obj('shared', 'a'), inside, user))).toBe('allow');
    expect(evaluate(bucketPolicy, request('oss:GetObject', obj('shared', 'a'), outside, user))).toBe('deny');
    expect(evaluate(bucketPolicy, request('oss:GetObject', obj('shared', 'a'), inside, { ids: ['2000000000000009'] }))).toBe('implicit-deny');
    expect(evaluate(bucketPolicy, request('oss:GetObject', obj('shared', 'a'), inside))).toBe('implicit-deny');
    expect(evaluate(bucketPolicy, request('oss:GetObject', obj('shared', 'a'), outside, owner))).toBe('deny'); // with a Condition, * includes the owner
  });
});
