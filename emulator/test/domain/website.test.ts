// The website configuration's parsing and the website decision (domain/website.ts, behaviour §14.16), without HTTP.
import { describe, expect, it } from 'vitest';
import { parseXml } from '@local-oss/client';
import { OssError } from '../../src/domain/errors.js';
import { parseWebsiteConfig, websiteAnswer, type WebsiteRequest } from '../../src/domain/website.js';

const config = (xml: string) => parseWebsiteConfig(parseXml(`<WebsiteConfiguration>${xml}</WebsiteConfiguration>`));
const objects = new Set(['index.html', 'a/index.html', 'err.html', 'b/index.html']);
const req = (key: string, more: Partial<WebsiteRequest> = {}): WebsiteRequest => ({
  key, query: '', headers: {}, host: 'bkt.oss-cn-hangzhou.aliyuncs.com', exists: (k) => objects.has(k), ...more,
});

describe('parseWebsiteConfig', () => {
  it('reads index, error and rules (sorted by RuleNumber) and defaults Type 0, HttpStatus 404', () => {
    const c = config(
      '<IndexDocument><Suffix>index.html</Suffix></IndexDocument><ErrorDocument><Key>err.html</Key></ErrorDocument>' +
        '<RoutingRules><RoutingRule><RuleNumber>2</RuleNumber><Redirect><RedirectType>External</RedirectType></Redirect></RoutingRule>' +
        '<RoutingRule><RuleNumber>1</RuleNumber><Condition><KeyPrefixEquals>x/</KeyPrefixEquals></Condition><Redirect><RedirectType>Internal</RedirectType></Redirect></RoutingRule></RoutingRules>',
    );
    expect(c.index).toEqual({ suffix: 'index.html', supportSubDir: false, type: 0 });
    expect(c.error).toEqual({ key: 'err.html', httpStatus: 404 });
    expect(c.rules.map((r) => r.ruleNumber)).toEqual([1, 2]);
  });

  it('refuses duplicate rule numbers, more than 20 rules, a bad redirect code, ReplaceKeyWith with EnableReplacePrefix', () => {
    const rule = (n: number, redirect = '<RedirectType>External</RedirectType>') =>
      `<RoutingRule><RuleNumber>${n}</RuleNumber><Redirect>${redirect}</Redirect></RoutingRule>`;
    const bad = [
      `<RoutingRules>${rule(1)}${rule(1)}</RoutingRules>`,
      `<RoutingRules>${Array.from({ length: 21 }, (_, i) => rule(i + 1)).join('')}</RoutingRules>`,
      `<RoutingRules>${rule(1, '<RedirectType>External</RedirectType><HttpRedirectCode>200</HttpRedirectCode>')}</RoutingRules>`,
      `<RoutingRules>${rule(1, '<ReplaceKeyWith>k</ReplaceKeyWith><EnableReplacePrefix>true</EnableReplacePrefix>')}</RoutingRules>`,
    ];
    for (const xml of bad) expect(() => config(xml), xml).toThrow(OssError);
  });
});

describe('websiteAnswer', () => {
  const c = config(
    '<IndexDocument><Suffix>index.html</Suffix><SupportSubDir>true</SupportSubDir><Type>1</Type></IndexDocument>' +
      '<ErrorDocument><Key>err.html</Key><HttpStatus>200</HttpStatus></ErrorDocument><RoutingRules>' +
      '<RoutingRule><RuleNumber>1</RuleNumber><Condition><IncludeHeader><Key>X-Test</Key><Equals>go</Equals></IncludeHeader></Condition>' +
      '<Redirect><RedirectType>AliCDN</RedirectType><PassQueryString>true</PassQueryString><ReplaceKeyWith>cdn</ReplaceKeyWith></Redirect></RoutingRule>' +
      '<RoutingRule><RuleNumber>2</RuleNumber><Condition><KeyPrefixEquals>in/</KeyPrefixEquals><HttpErrorCodeReturnedEquals>404</HttpErrorCodeReturnedEquals></Condition>' +
      '<Redirect><RedirectType>Internal</RedirectType><EnableReplacePrefix>true</EnableReplacePrefix><ReplaceKeyPrefixWith>a/</ReplaceKeyPrefixWith></Redirect></RoutingRule>' +
      '</RoutingRules>',
  );
  it('index for the root and sub-directories, Type 1 redirects a directory without its slash', () => {
    expect(websiteAnswer(c, req(''))).toEqual({ kind: 'object', key: 'index.html', status: 200 });
    expect(websiteAnswer(c, req('a/'))).toEqual({ kind: 'object', key: 'a/index.html', status: 200 });
    expect(websiteAnswer(c, req('b'))).toEqual({ kind: 'redirect', status: 302, location: '/b/' });
  });
  it('a header rule redirects before the lookup, an error-code rule only on a miss, then the error document', () => {
    expect(websiteAnswer(c, req('index.html', { headers: { 'x-test': 'go' }, query: 'q=1' }))).toEqual({
      kind: 'redirect', status: 302, location: 'http://bkt.oss-cn-hangzhou.aliyuncs.com/cdn?q=1',
    });
    expect(websiteAnswer(c, req('in/index.html'))).toEqual({ kind: 'internal', key: 'a/index.html' });
    expect(websiteAnswer(c, req('nothing'))).toEqual({ kind: 'object', key: 'err.html', status: 200 });
  });
  it('no error document: missing', () => {
    expect(websiteAnswer(config('<IndexDocument><Suffix>i.html</Suffix></IndexDocument>'), req('x'))).toEqual({ kind: 'missing' });
  });
});
