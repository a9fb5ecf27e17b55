// HTTPS configuration (behaviour §14.17): stored and answered, MalformedXML refusals (oss2 live
// test_bucket_https_config), through raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, snapshot, startTestEmulator } from './support.js';

let emu: RunningEmulator;
let client: OssClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
});
afterAll(() => emu.close());

const SUB: [string, undefined][] = [['httpsConfig', undefined]];
const put = (body: string) => raw(emu, { method: 'PUT', bucket: 'tls-cfg', query: SUB, body });
const get = () => raw(emu, { method: 'GET', bucket: 'tls-cfg', query: SUB });

describe('?httpsConfig', () => {
  it('default Enable false; versions read back once each; cipher suites kept; Enable false drops versions', async () => {
    await client.putBucket({ bucket: 'tls-cfg' });
    expect((await get()).text).toContain('<HttpsConfiguration><TLS><Enable>false</Enable></TLS></HttpsConfiguration>');
    const cs = '<CipherSuite><Enable>true</Enable><StrongCipherSuite>false</StrongCipherSuite><CustomCipherSuite>ECDHE-ECDSA-AES128-SHA256</CustomCipherSuite><TLS13CustomCipherSuite>TLS_AES_256_GCM_SHA384</TLS13CustomCipherSuite></CipherSuite>';
    const ok = await put(`<HttpsConfiguration><TLS><Enable>true</Enable><TLSVersion>TLSv1.2</TLSVersion><TLSVersion>TLSv1.2</TLSVersion><TLSVersion>TLSv1.3</TLSVersion></TLS>${cs}</HttpsConfiguration>`);
    expect(ok.status).toBe(200);
    expect((await get()).text).toContain(`<TLS><Enable>true</Enable><TLSVersion>TLSv1.2</TLSVersion><TLSVersion>TLSv1.3</TLSVersion></TLS>${cs}`);
    await put('<HttpsConfiguration><TLS><Enable>false</Enable></TLS></HttpsConfiguration>');
    expect((await get()).text).toContain('<TLS><Enable>false</Enable></TLS>');
  });

  it('Enable true without a version, an unknown version, a bad boolean: MalformedXML, nothing changed', async () => {
    const before = snapshot(emu);
    for (const body of [
      '<HttpsConfiguration><TLS><Enable>true</Enable></TLS></HttpsConfiguration>',
      '<HttpsConfiguration><TLS><Enable>true</Enable><TLSVersion>aaa</TLSVersion></TLS></HttpsConfiguration>',
      '<HttpsConfiguration><TLS><Enable>yes</Enable><TLSVersion>TLSv1.2</TLSVersion></TLS></HttpsConfiguration>',
      '<Other/>',
    ]) {
      const res = await put(body);
      expect([res.status, errorCode(res)], body).toEqual([400, 'MalformedXML']);
    }
    expect(snapshot(emu)).toBe(before);
  });
});

describe('our client', () => {
  it('putBucketHttpsConfig / getBucketHttpsConfig round-trip (PY2 names)', async () => {
    await client.putBucket({ bucket: 'tls-client' });
    await client.putBucketHttpsConfig({
      bucket: 'tls-client',
      httpsConfiguration: { tls: { enable: true, tlsVersions: ['TLSv1.2', 'TLSv1.3'] }, cipherSuite: { enable: true, strongCipherSuite: true } },
    });
    const got = (await client.getBucketHttpsConfig({ bucket: 'tls-client' })).httpsConfiguration;
    expect(got.tls).toEqual({ enable: true, tlsVersions: ['TLSv1.2', 'TLSv1.3'] });
    expect(got.cipherSuite).toEqual({ enable: true, strongCipherSuite: true, customCipherSuites: [], tls13CustomCipherSuites: [] });
  });
});
