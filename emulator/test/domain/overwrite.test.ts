// Overwrite rules (domain/overwrite.ts): which rule forbids which key for which requester.
import { describe, expect, it } from 'vitest';
import { forbiddingRule, parseOverwriteConfig, type OverwriteRule } from '../../src/domain/overwrite.js';

const rule = (r: Partial<OverwriteRule>): OverwriteRule => ({ id: r.id ?? 'r', action: 'forbid', principals: [], ...r });

describe('forbiddingRule', () => {
  it('needs prefix and suffix both, literally (an asterisk is a character)', () => {
    const rules = [rule({ prefix: 'a/', suffix: '.txt' })];
    expect(forbiddingRule(rules, 'a/x.txt', [])).toBeDefined();
    expect(forbiddingRule(rules, 'a/x.log', [])).toBeUndefined();
    expect(forbiddingRule(rules, 'b/x.txt', [])).toBeUndefined();
    expect(forbiddingRule([rule({ prefix: 'a*' })], 'ab', [])).toBeUndefined();
    expect(forbiddingRule([rule({ prefix: 'a*' })], 'a*b', [])).toBeDefined();
  });

  it('Principals: named ids, wildcards, the account root; none means everyone', () => {
    expect(forbiddingRule([rule({ principals: ['2001'] })], 'k', ['2001'])).toBeDefined();
    expect(forbiddingRule([rule({ principals: ['2001'] })], 'k', ['2002'])).toBeUndefined();
    expect(forbiddingRule([rule({ principals: ['20*'] })], 'k', ['2002'])).toBeDefined();
    expect(forbiddingRule([rule({ principals: ['acs:ram::1000:root'] })], 'k', ['1000'])).toBeDefined();
    expect(forbiddingRule([rule({ principals: ['*'] })], 'k', [])).toBeDefined();
    expect(forbiddingRule([rule({})], 'k', [])).toBeDefined();
  });

  it('the first matching rule, in order', () => {
    const rules = [rule({ id: 'one', suffix: '.x' }), rule({ id: 'two' })];
    expect(forbiddingRule(rules, 'a.x', [])?.id).toBe('one');
    expect(forbiddingRule(rules, 'a.y', [])?.id).toBe('two');
  });
});

describe('parseOverwriteConfig', () => {
  it('an empty configuration has no rules; Principals without entries is everyone', () => {
    expect(parseOverwriteConfig({ OverwriteConfiguration: '' })).toEqual([]);
    const [r] = parseOverwriteConfig({ OverwriteConfiguration: { Rule: { ID: 'a', Action: 'forbid', Principals: '' } } });
    expect(r).toEqual({ id: 'a', action: 'forbid', principals: [] });
  });
});
