// Bucket logging configuration (behaviour §14.11): BucketLoggingStatus and UserDefinedLogFieldsConfiguration stored
// and answered, GetBucketInfo's BucketPolicy LogBucket / LogPrefix following them, OSS's refusals changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ lifecycleIntervalSeconds: 0 });
  await ownerClient(emu).putBucket({ bucket: 'logsrc' });
  await ownerClient(emu).putBucket({ bucket: 'logdst' });
});
afterAll(() => emu.close());

const req = (method: string, sub: string, body?: string) => raw(emu, { method, bucket: 'logsrc', query: [[sub, undefined]], ...(body !== undefined ? { body } : {}) });
const status = (bucket: string, prefix: string) =>
  `<BucketLoggingStatus><LoggingEnabled><TargetBucket>${bucket}</TargetBucket><TargetPrefix>${prefix}</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`;

describe('PutBucketLogging', () => {
  it('an empty status before, the target after, GetBucketInfo follows, an empty status after two deletes', async () => {
    const before = await req('GET', 'logging');
    expect([before.status, xmlValue(before.text, 'TargetBucket')]).toEqual([200, undefined]);
    expect((await req('PUT', 'logging', status('logdst', '日志+/'))).status).toBe(200);
    const got = await req('GET', 'logging');
    expect([xmlValue(got.text, 'TargetBucket'), xmlValue(got.text, 'TargetPrefix')]).toEqual(['logdst', '日志+/']);
    const info = await req('GET', 'bucketInfo');
    expect([xmlValue(info.text, 'LogBucket'), xmlValue(info.text, 'LogPrefix')]).toEqual(['logdst', '日志+/']);
    for (let i = 0; i < 2; i++) expect((await req('DELETE', 'logging')).status).toBe(204);
    expect(xmlValue((await req('GET', 'logging')).text, 'TargetBucket')).toBeUndefined();
  });

  it('refuses a target bucket that does not exist, changing nothing', async () => {
    const res = await req('PUT', 'logging', status('no-such-target', 'x/'));
    expect([res.status, errorCode(res)]).toEqual([400, 'InvalidTargetBucketForLogging']);
    expect(xmlValue((await req('GET', 'logging')).text, 'TargetBucket')).toBeUndefined();
  });
});

describe('user-defined log fields', () => {
  it('404 before, the sets back after a put, 404 after a delete; a malformed body is refused', async () => {
    expect(errorCode(await req('GET', 'userDefinedLogFieldsConfig'))).toBe('NoSuchUserDefinedLogFieldsConfig');
    const body = '<UserDefinedLogFieldsConfiguration><HeaderSet><header>h1</header><header>h2</header></HeaderSet><ParamSet><parameter>p1</parameter></ParamSet></UserDefinedLogFieldsConfiguration>';
    expect((await req('PUT', 'userDefinedLogFieldsConfig', body)).status).toBe(200);
    const got = await req('GET', 'userDefinedLogFieldsConfig');
    expect(got.text).toContain('<HeaderSet><header>h1</header><header>h2</header></HeaderSet><ParamSet><parameter>p1</parameter></ParamSet>');
    const bad = await req('PUT', 'userDefinedLogFieldsConfig', '<Other/>');
    expect([bad.status, errorCode(bad)]).toEqual([400, 'MalformedXML']);
    expect((await req('DELETE', 'userDefinedLogFieldsConfig')).status).toBe(204);
    expect(errorCode(await req('GET', 'userDefinedLogFieldsConfig'))).toBe('NoSuchUserDefinedLogFieldsConfig');
  });
});
