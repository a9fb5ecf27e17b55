// Hotlink protection (domain/referer.ts): which Referer a configuration lets through, and its document.
import { describe, expect, it } from 'vitest';
import { parseRefererConfiguration, refererAllows, type RefererConfiguration } from '../../src/domain/referer.js';

const config = (c: Partial<RefererConfiguration>): RefererConfiguration => ({
  allowEmptyReferer: false,
  allowTruncateQueryString: true,
  truncatePath: false,
  referers: [],
  blacklist: [],
  ...c,
});

describe('refererAllows', () => {
  it('an empty Referer passes only under AllowEmptyReferer', () => {
    expect(refererAllows(config({ allowEmptyReferer: true }), undefined)).toBe(true);
    expect(refererAllows(config({ allowEmptyReferer: false, referers: ['http://a.com'] }), undefined)).toBe(false);
    expect(refererAllows(config({ allowEmptyReferer: false }), '')).toBe(false);
  });

  it('the whitelist with * and ? wildcards', () => {
    const c = config({ referers: ['http://www.*.com', 'https://www.?.aliyuncs.com'] });
    expect(refererAllows(c, 'http://www.aliyun.com')).toBe(true);
    expect(refererAllows(c, 'https://www.a.aliyuncs.com')).toBe(true);
    expect(refererAllows(c, 'https://www.ab.aliyuncs.com')).toBe(false);
    expect(refererAllows(c, 'http://evil.org')).toBe(false);
  });

  it('the blacklist wins over the whitelist', () => {
    const c = config({ referers: ['http://*'], blacklist: ['http://ban.*.com'] });
    expect(refererAllows(c, 'http://ok.com')).toBe(true);
    expect(refererAllows(c, 'http://ban.x.com')).toBe(false);
  });

  it('query string and path are cut before matching only when configured', () => {
    const list = ['http://www.aliyun.com', 'http://www.aliyun.com/'];
    expect(refererAllows(config({ referers: list }), 'http://www.aliyun.com/?a=1')).toBe(true);
    expect(refererAllows(config({ referers: list, allowTruncateQueryString: false }), 'http://www.aliyun.com/?a=1')).toBe(false);
    expect(refererAllows(config({ referers: ['http://www.aliyun.com'] }), 'http://www.aliyun.com/page')).toBe(false);
    expect(refererAllows(config({ referers: ['http://www.aliyun.com'], truncatePath: true }), 'http://www.aliyun.com/page?x')).toBe(true);
  });
});

describe('parseRefererConfiguration', () => {
  it('reads the PutBucketReferer body, defaults for the optional flags', () => {
    const c = parseRefererConfiguration({
      RefererConfiguration: { AllowEmptyReferer: 'false', RefererList: { Referer: 'http://a.com' }, RefererBlacklist: '' },
    });
    expect(c).toEqual(config({ referers: ['http://a.com'] }));
  });

  it('refuses a body without AllowEmptyReferer or with a bad flag', () => {
    expect(() => parseRefererConfiguration({ RefererConfiguration: { RefererList: '' } })).toThrow();
    expect(() => parseRefererConfiguration({ RefererConfiguration: { AllowEmptyReferer: 'yes' } })).toThrow();
    expect(() => parseRefererConfiguration({})).toThrow();
  });
});
