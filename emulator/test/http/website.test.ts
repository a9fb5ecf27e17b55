// Static website (behaviour §14.16): the configuration's document (PY2 test_bucket_website_client shapes), and its
// enforcement on website-style (anonymous GET/HEAD) requests: index, sub-dir index, error document with its status,
// routing-rule redirects; through raw HTTP, our client and ali-oss.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, snapshot, startTestEmulator, xmlValue, createPublicBucket } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
let client: OssClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
});
afterAll(() => emu.close());

const CONFIG =
  '<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix><SupportSubDir>true</SupportSubDir><Type>0</Type></IndexDocument>' +
  '<ErrorDocument><Key>error.html</Key><HttpStatus>404</HttpStatus></ErrorDocument><RoutingRules>' +
  '<RoutingRule><RuleNumber>1</RuleNumber><Condition><KeyPrefixEquals>old/</KeyPrefixEquals></Condition>' +
  '<Redirect><RedirectType>External</RedirectType><Protocol>https</Protocol><HostName>example.com</HostName>' +
  '<HttpRedirectCode>301</HttpRedirectCode><EnableReplacePrefix>true</EnableReplacePrefix><ReplaceKeyPrefixWith>new/</ReplaceKeyPrefixWith></Redirect></RoutingRule>' +
  '<RoutingRule><RuleNumber>2</RuleNumber><Condition><KeyPrefixEquals>gone/</KeyPrefixEquals><HttpErrorCodeReturnedEquals>404</HttpErrorCodeReturnedEquals></Condition>' +
  '<Redirect><RedirectType>Mirror</RedirectType><MirrorURL>http://origin.example.com/</MirrorURL><MirrorCheckMd5>false</MirrorCheckMd5></Redirect></RoutingRule>' +
  '</RoutingRules></WebsiteConfiguration>';

function put(bucket: string, body: string) {
  return raw(emu, { method: 'PUT', bucket, query: [['website', undefined]], body });
}

describe('the configuration document', () => {
  it('404 NoSuchWebsiteConfiguration before any; read back as put, Mirror fields included; delete is 204', async () => {
    await client.putBucket({ bucket: 'site-doc' });
    const none = await raw(emu, { method: 'GET', bucket: 'site-doc', query: [['website', undefined]] });
    expect([none.status, errorCode(none)]).toEqual([404, 'NoSuchWebsiteConfiguration']);
    expect((await put('site-doc', CONFIG)).status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket: 'site-doc', query: [['website', undefined]] });
    expect(got.status).toBe(200);
    expect(xmlValue(got.text, 'Suffix')).toBe('index.html');
    expect(xmlValue(got.text, 'HttpStatus')).toBe('404');
    expect(xmlValue(got.text, 'MirrorURL')).toBe('http://origin.example.com/');
    expect(got.text.indexOf('<IndexDocument>')).toBeLessThan(got.text.indexOf('<RoutingRules>'));
    expect((await raw(emu, { method: 'DELETE', bucket: 'site-doc', query: [['website', undefined]] })).status).toBe(204);
    const after = await raw(emu, { method: 'GET', bucket: 'site-doc', query: [['website', undefined]] });
    expect(errorCode(after)).toBe('NoSuchWebsiteConfiguration');
  });

  it('bad values are refused with InvalidArgument / MalformedXML and change nothing', async () => {
    await client.putBucket({ bucket: 'site-bad' });
    const before = snapshot(emu);
    const cases: [string, string][] = [
      ['<WebsiteConfiguration/>', 'MalformedXML'],
      ['<WebsiteConfiguration><ErrorDocument><Key>e.html</Key><HttpStatus>500</HttpStatus></ErrorDocument></WebsiteConfiguration>', 'InvalidArgument'],
      ['<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix><Type>3</Type></IndexDocument></WebsiteConfiguration>', 'InvalidArgument'],
      ['<WebsiteConfiguration><RoutingRules><RoutingRule><RuleNumber>0</RuleNumber><Redirect><RedirectType>External</RedirectType></Redirect></RoutingRule></RoutingRules></WebsiteConfiguration>', 'InvalidArgument'],
      ['<WebsiteConfiguration><RoutingRules><RoutingRule><RuleNumber>1</RuleNumber><Redirect><RedirectType>Bogus</RedirectType></Redirect></RoutingRule></RoutingRules></WebsiteConfiguration>', 'InvalidArgument'],
    ];
    for (const [body, code] of cases) {
      const res = await put('site-bad', body);
      expect([res.status, errorCode(res)], body).toEqual([400, code]);
    }
    expect(snapshot(emu)).toBe(before);
  });

  it('ali-oss putBucketWebsite / getBucketWebsite / deleteBucketWebsite', async () => {
    await client.putBucket({ bucket: 'site-ali' });
    const ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
    await ali.putBucketWebsite('site-ali', { index: 'index.html', error: 'error.html' });
    const got = await ali.getBucketWebsite('site-ali');
    expect([got.index, got.error]).toEqual(['index.html', 'error.html']);
    await ali.deleteBucketWebsite('site-ali');
    await expect(ali.getBucketWebsite('site-ali')).rejects.toMatchObject({ name: 'NoSuchWebsiteConfigurationError' });
  });
});

describe('website-style requests', () => {
  beforeAll(async () => {
    await createPublicBucket(emu, 'site-live', 'public-read');
    for (const [key, body] of [['index.html', 'home'], ['docs/index.html', 'docs home'], ['error.html', 'oops'], ['page.html', 'page']]) {
      await client.putObject({ bucket: 'site-live', key, body });
    }
    expect((await put('site-live', CONFIG)).status).toBe(200);
  });

  it('GET / is the index document, a directory its sub-dir index, a missing key the error document with 404', async () => {
    const root = await raw(emu, { method: 'GET', bucket: 'site-live', sign: 'none' });
    expect([root.status, root.text]).toEqual([200, 'home']);
    const dir = await raw(emu, { method: 'GET', bucket: 'site-live', key: 'docs/', sign: 'none' });
    expect([dir.status, dir.text]).toEqual([200, 'docs home']);
    const page = await raw(emu, { method: 'GET', bucket: 'site-live', key: 'page.html', sign: 'none' });
    expect([page.status, page.text]).toEqual([200, 'page']);
    const missing = await raw(emu, { method: 'GET', bucket: 'site-live', key: 'nope.html', sign: 'none' });
    expect([missing.status, missing.text]).toEqual([404, 'oops']);
  });

  it('a routing rule redirects with its code and Location; a Mirror rule is not fetched (error document)', async () => {
    const moved = await raw(emu, { method: 'GET', bucket: 'site-live', key: 'old/a.html', sign: 'none' });
    expect([moved.status, moved.headers.get('location')]).toEqual([301, 'https://example.com/new/a.html']);
    const mirror = await raw(emu, { method: 'GET', bucket: 'site-live', key: 'gone/x', sign: 'none' });
    expect([mirror.status, mirror.text]).toEqual([404, 'oops']);
  });

  it('a signed GET of a missing directory key is the index (oss2 live test_website), a Mirror PassQueryString reads back as MirrorPassQueryString', async () => {
    const dir = await raw(emu, { method: 'GET', bucket: 'site-live', key: 'docs/' });
    expect([dir.status, dir.text]).toEqual([200, 'docs home']);
    const doc = await raw(emu, { method: 'GET', bucket: 'site-live', query: [['website', undefined]] });
    expect(doc.text).toContain('<RedirectType>Mirror</RedirectType><MirrorURL>http://origin.example.com/</MirrorURL><MirrorCheckMd5>false</MirrorCheckMd5><PassQueryString>false</PassQueryString>');
  });

  it('signed requests are ordinary: GET / lists, a missing key is NoSuchKey', async () => {
    const list = await raw(emu, { method: 'GET', bucket: 'site-live' });
    expect([list.status, xmlValue(list.text, 'Name')]).toEqual([200, 'site-live']);
    const missing = await raw(emu, { method: 'GET', bucket: 'site-live', key: 'nope.html' });
    expect([missing.status, errorCode(missing)]).toEqual([404, 'NoSuchKey']);
  });
});

describe('our client', () => {
  it('putBucketWebsite / getBucketWebsite / deleteBucketWebsite round-trip (PY2 names)', async () => {
    await client.putBucket({ bucket: 'site-client' });
    await client.putBucketWebsite({
      bucket: 'site-client',
      websiteConfiguration: {
        indexDocument: { suffix: 'index.html', supportSubDir: true, type: 0 },
        errorDocument: { key: 'error.html', httpStatus: 404 },
        routingRules: {
          routingRules: [
            {
              ruleNumber: 1,
              condition: { keyPrefixEquals: 'abc/', httpErrorCodeReturnedEquals: 404, includeHeaders: [{ key: 'k', equals: 'v' }] },
              redirect: { redirectType: 'Mirror', mirrorURL: 'http://example.com/', mirrorPassQueryString: true, passQueryString: false },
            },
          ],
        },
      },
    });
    const got = (await client.getBucketWebsite({ bucket: 'site-client' })).websiteConfiguration;
    expect(got.indexDocument).toEqual({ suffix: 'index.html', supportSubDir: true, type: 0 });
    expect(got.errorDocument).toEqual({ key: 'error.html', httpStatus: 404 });
    const rule = got.routingRules!.routingRules![0]!;
    expect(rule.condition).toMatchObject({ keyPrefixEquals: 'abc/', httpErrorCodeReturnedEquals: 404, includeHeaders: [{ key: 'k', equals: 'v' }] });
    expect(rule.redirect).toMatchObject({ redirectType: 'Mirror', mirrorURL: 'http://example.com/', mirrorPassQueryString: true, passQueryString: true });
    expect((await client.deleteBucketWebsite({ bucket: 'site-client' })).statusCode).toBe(204);
    await expect(client.getBucketWebsite({ bucket: 'site-client' })).rejects.toMatchObject({ code: 'NoSuchWebsiteConfiguration' });
  });
});
