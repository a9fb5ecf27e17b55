// Access points (domain/accessPoint.ts): the create document and name rules, limits, alias and resource forms,
// pages, and the combination with the access point policy.
import { describe, expect, it } from 'vitest';
import {
  accessPointAlias,
  accessPointResource,
  checkCreate,
  combineAccessPoint,
  isAlias,
  pageAccessPoints,
  parseAccessPointMaxKeys,
  parseCreateAccessPoint,
  type AccessPointRecord,
} from '../../src/domain/accessPoint.js';
import { OssError } from '../../src/domain/errors.js';

const doc = (name: string, origin = 'internet', vpcId?: string) => ({
  CreateAccessPointConfiguration: { AccessPointName: name, NetworkOrigin: origin, ...(vpcId ? { VpcConfiguration: { VpcId: vpcId } } : {}) },
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof OssError ? err.code : 'not an OssError';
  }
  return undefined;
};
const ap = (name: string): AccessPointRecord => ({ name, bucket: 'b', networkOrigin: 'internet', alias: `${name}-x-ossalias`, createdAt: 0 });

describe('accessPoint', () => {
  it('reads the create document; vpc keeps its VpcId, internet drops one', () => {
    expect(parseCreateAccessPoint(doc('ap-01'))).toEqual({ name: 'ap-01', networkOrigin: 'internet', vpcId: undefined });
    expect(parseCreateAccessPoint(doc('ap-01', 'vpc', 'vpc-1'))).toEqual({ name: 'ap-01', networkOrigin: 'vpc', vpcId: 'vpc-1' });
    expect(parseCreateAccessPoint(doc('ap-01', 'internet', 'vpc-1')).vpcId).toBeUndefined();
  });

  it('the API reference\'s name rules: 3-19 lowercase letters, digits, hyphens, not at the ends, not -ossalias', () => {
    for (const ok of ['abc', 'a'.repeat(19), 'a-1', '123']) expect(codeOf(() => parseCreateAccessPoint(doc(ok)))).toBeUndefined();
    for (const bad of ['ab', 'a'.repeat(20), '-abc', 'abc-', 'Abc', 'a_c', 'a.c', 'ab-ossalias', '']) {
      expect([bad, codeOf(() => parseCreateAccessPoint(doc(bad)))]).toEqual([bad, 'InvalidArgument']);
    }
  });

  it('refuses another origin, a vpc without VpcId, another document', () => {
    expect(codeOf(() => parseCreateAccessPoint(doc('abc', 'lan')))).toBe('InvalidArgument');
    expect(codeOf(() => parseCreateAccessPoint(doc('abc', 'vpc')))).toBe('InvalidArgument');
    expect(codeOf(() => parseCreateAccessPoint({ Other: {} }))).toBe('MalformedXML');
    expect(codeOf(() => parseCreateAccessPoint(undefined))).toBe('MalformedXML');
  });

  it('names are unique in the account; 100 per bucket, 1000 per account', () => {
    expect(codeOf(() => checkCreate('x', 0, [ap('x')]))).toBe('AccessPointAlreadyExists');
    expect(codeOf(() => checkCreate('y', 99, [ap('x')]))).toBeUndefined();
    expect(codeOf(() => checkCreate('y', 100, [ap('x')]))).toBe('TooManyAccessPoints');
    const thousand = Array.from({ length: 1000 }, (_, i) => ap(`n${i}`));
    expect(codeOf(() => checkCreate('y', 0, thousand))).toBe('TooManyAccessPoints');
  });

  it('an alias is <name>-<suffix>-ossalias, at most 63 characters for the longest name', () => {
    const alias = accessPointAlias('a'.repeat(19), 'f'.repeat(34));
    expect([alias.length <= 63, isAlias(alias), isAlias('plain-bucket')]).toEqual([true, true, false]);
  });

  it('maps bucket resources to the access point\'s', () => {
    expect(accessPointResource('acs:oss:cn-hangzhou:1:b/dir/k.txt', 'b', 'ap')).toBe('acs:oss:cn-hangzhou:1:accesspoint/ap/object/dir/k.txt');
    expect(accessPointResource('acs:oss:cn-hangzhou:1:b', 'b', 'ap')).toBe('acs:oss:cn-hangzhou:1:accesspoint/ap');
    expect(accessPointResource('acs:oss:cn-hangzhou:1:other/k', 'b', 'ap')).toBeUndefined();
  });

  it('the user guide\'s table: Deny wins, Allow needs both; the owner needs no access point Allow', () => {
    const table: Array<[Parameters<typeof combineAccessPoint>[0], Parameters<typeof combineAccessPoint>[1], string]> = [
      ['allow', 'allow', 'allow'], ['allow', 'deny', 'deny'], ['allow', 'implicit-deny', 'implicit-deny'],
      ['deny', 'allow', 'deny'], ['deny', 'deny', 'deny'], ['deny', 'implicit-deny', 'deny'],
      ['implicit-deny', 'allow', 'implicit-deny'], ['implicit-deny', 'deny', 'deny'], ['implicit-deny', 'implicit-deny', 'implicit-deny'],
    ];
    for (const [merged, point, out] of table) expect([merged, point, combineAccessPoint(merged, point, false)]).toEqual([merged, point, out]);
    expect(combineAccessPoint('allow', 'implicit-deny', true)).toBe('allow');
    expect(combineAccessPoint('allow', 'deny', true)).toBe('deny');
  });

  it('pages in name order from the token; max-keys bounds per level', () => {
    const all = ['c', 'a', 'b'].map(ap);
    expect(pageAccessPoints(all, undefined, 2)).toEqual({ page: [ap('a'), ap('b')], next: 'c' });
    expect(pageAccessPoints(all, 'c', 2)).toEqual({ page: [ap('c')], next: undefined });
    expect([parseAccessPointMaxKeys(undefined, true), parseAccessPointMaxKeys(undefined, false), parseAccessPointMaxKeys('100', true)]).toEqual([100, 1000, 100]);
    for (const [raw, bucketLevel] of [['101', true], ['1001', false], ['0', false], ['x', false]] as const) {
      expect(codeOf(() => parseAccessPointMaxKeys(raw, bucketLevel))).toBe('InvalidArgument');
    }
  });
});
