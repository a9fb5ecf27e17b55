// Bucket logging configuration (behaviour §14.11): BucketLoggingStatus and UserDefinedLogFieldsConfiguration stored
// and answered, GetBucketInfo's BucketPolicy LogBucket / LogPrefix following them, OSS's refusals changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ lifecycleIntervalSeconds: 0, loggingIntervalSeconds: 0 });
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

describe('access-log objects (POST /-/logging/flush)', () => {
  it('writes the requests to a logging bucket as one object under the target prefix, in the log line format', async () => {
    const client = ownerClient(emu);
    // Lines of the tests above, whose logging is off by now: a flush drops them.
    await fetch(`${emu.url}/-/logging/flush`, { method: 'POST' });
    expect((await req('PUT', 'logging', status('logdst', 'access/'))).status).toBe(200);
    await client.putObject({ bucket: 'logsrc', key: 'a b.txt', body: 'hello' });
    await raw(emu, { method: 'GET', bucket: 'logsrc', key: 'missing', headers: { 'user-agent': 'probe "1"', referer: 'http://r.example/' } });
    const flushed = await fetch(`${emu.url}/-/logging/flush`, { method: 'POST' });
    const report = (await flushed.json()) as { objects: { bucket: string; key: string; lines: number }[] };
    expect(report.objects).toHaveLength(1);
    const { key, lines } = report.objects[0]!;
    expect(key).toMatch(/^access\/logsrc\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d-[0-9A-F]{4}$/);
    // The PUT ?logging, the PutObject and the GetObject (the flush's own write is not logged).
    expect(lines).toBe(3);
    const body = (await client.getObject({ bucket: 'logdst', key })).content();
    const text = (await body).toString();
    const rows = text.trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^127\.0\.0\.1 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0800\] "PUT \/logsrc\/a%20b\.txt HTTP\/1\.1" 200 0 \d+ "-" "[^"]*" "[^"]+" "[0-9A-F]{24}" "true" "\d+" "PutObject" "logsrc" "a%20b\.txt" /);
    expect(rows[2]).toContain('"GET /logsrc/missing HTTP/1.1" 404 ');
    expect(rows[2]).toContain('"http://r.example/" "probe \\"1\\""');
    expect(rows[2]).toContain('"NoSuchKey"');
    // Nothing buffered any more: a second flush writes nothing.
    const again = (await (await fetch(`${emu.url}/-/logging/flush`, { method: 'POST' })).json()) as { objects: unknown[] };
    expect(again.objects).toEqual([]);
    expect((await req('DELETE', 'logging')).status).toBe(204);
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

describe('user-defined log fields in the lines', () => {
  it('the configured headers and parameters a request carried, as Base64 JSON after BucketArn', async () => {
    const client = ownerClient(emu);
    await fetch(`${emu.url}/-/logging/flush`, { method: 'POST' });
    const fields = '<UserDefinedLogFieldsConfiguration><HeaderSet><header>x-trace</header></HeaderSet><ParamSet><parameter>tag</parameter></ParamSet></UserDefinedLogFieldsConfiguration>';
    expect((await req('PUT', 'userDefinedLogFieldsConfig', fields)).status).toBe(200);
    expect((await req('PUT', 'logging', status('logdst', 'udf/'))).status).toBe(200);
    await raw(emu, { method: 'GET', bucket: 'logsrc', key: 'missing', query: [['tag', 'v1']], headers: { 'x-trace': 't-42' } });
    const report = (await (await fetch(`${emu.url}/-/logging/flush`, { method: 'POST' })).json()) as { objects: { key: string }[] };
    const text = (await (await client.getObject({ bucket: 'logdst', key: report.objects[0]!.key })).content()).toString();
    const row = text.trimEnd().split('\n').find((l) => l.includes('"GET /logsrc/missing?tag=v1 HTTP/1.1"'))!;
    const last = /"([A-Za-z0-9+/=]+)"$/.exec(row)![1]!;
    expect(JSON.parse(Buffer.from(last, 'base64').toString())).toEqual({ truncated: false, headers: { 'x-trace': 't-42' }, querys: { tag: 'v1' } });
    expect(row).toMatch(/"acs:oss:\*:\d+:logsrc" "[A-Za-z0-9+/=]+"$/);
    await req('DELETE', 'logging');
    await req('DELETE', 'userDefinedLogFieldsConfig');
  });
});
