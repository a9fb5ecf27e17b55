// SelectObject and CreateSelectObjectMeta (behaviour §15) through our client and raw HTTP: CSV and JSON rows,
// the framed body, GZIP input, ranges, the meta counts, and the refusals.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SelectObjectError, type OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator } from './support.js';

let emu: RunningEmulator;
let client: OssClient;
const B = 'select-bucket';
const b64 = (s: string) => Buffer.from(s).toString('base64');

const CSV = 'name,school,company,age\nLora Francis,School,Staples Inc,27\n#comment,x,y,1\nEleanor Little,School,"Conectiv, Inc",43\nRosie Hughes,School,Western Gas Resources Inc,44\n';

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
  await client.putBucket({ bucket: B });
  await client.putObject({ bucket: B, key: 'people.csv', body: CSV });
  await client.putObject({ bucket: B, key: 'people.csv.gz', body: gzipSync(CSV) });
  await client.putObject({ bucket: B, key: 'people.json', body: '{"name":"Lora","age":27,"c":{"x":1}},\n{"name":"Rosie",\n "age":44}\n' });
  await client.putObject({ bucket: B, key: 'doc.json', body: '{"contacts":[{"n":"a","v":1},{"n":"b","v":5}]}' });
});
afterAll(() => emu.close());

function csvSelect(key: string, sql: string, extra: Record<string, unknown> = {}) {
  return client.selectObject({
    bucket: B,
    key,
    process: 'csv/select',
    selectRequest: {
      expression: b64(sql),
      inputSerialization: { csv: { fileHeaderInfo: 'Use', commentCharacter: b64('#') }, ...extra },
    },
  });
}

/** The frames of a raw answer: [type, payload]. */
function frames(body: Buffer): [number, Buffer][] {
  const out: [number, Buffer][] = [];
  let i = 0;
  while (i < body.length) {
    const len = body.readUInt32BE(i + 4);
    out.push([body.readUInt32BE(i) & 0xffffff, body.subarray(i + 12, i + 12 + len)]);
    i += 16 + len;
  }
  return out;
}

describe('SelectObject on CSV', () => {
  it('projection by header name, WHERE with a numeric comparison, quoting kept, comments skipped', async () => {
    const r = await csvSelect('people.csv', 'select name, company from ossobject where age > 30');
    expect(r.statusCode).toBe(206);
    expect(r.headers['x-oss-select-output-raw']).toBe('false');
    expect((await r.content()).toString()).toBe('Eleanor Little,"Conectiv, Inc"\nRosie Hughes,Western Gas Resources Inc\n');
  });

  it('aggregates and LIMIT', async () => {
    const agg = await csvSelect('people.csv', 'select count(*), max(cast(age as int)), avg(cast(age as int)) from ossobject');
    expect((await agg.content()).toString()).toBe('3,44,38\n');
    const lim = await csvSelect('people.csv', 'select _1 from ossobject limit 1');
    expect((await lim.content()).toString()).toBe('Lora Francis\n');
  });

  it('GZIP input reads the same rows', async () => {
    const r = await csvSelect('people.csv.gz', "select name from ossobject where company like '%Inc'", { compressionType: 'GZIP' });
    expect((await r.content()).toString()).toBe('Lora Francis\nEleanor Little\nRosie Hughes\n');
  });

  it('line-range ends are exclusive', async () => {
    const r = await client.selectObject({
      bucket: B,
      key: 'people.csv',
      process: 'csv/select',
      selectRequest: { expression: b64('select name from ossobject'), inputSerialization: { csv: { fileHeaderInfo: 'Use', commentCharacter: b64('#'), range: 'line-range=1-2' } } },
    });
    expect((await r.content()).toString()).toBe('Eleanor Little\n');
  });

  it('a Range header selects the records starting in those bytes (AllowQuotedRecordDelimiter false), else 400', async () => {
    const start = CSV.indexOf('Eleanor');
    const body = (allow: boolean) =>
      `<SelectRequest><Expression>${b64('select name from ossobject')}</Expression><InputSerialization><CSV><FileHeaderInfo>Use</FileHeaderInfo><AllowQuotedRecordDelimiter>${allow}</AllowQuotedRecordDelimiter></CSV></InputSerialization><OutputSerialization><OutputRawData>true</OutputRawData></OutputSerialization></SelectRequest>`;
    const r = await raw(emu, { method: 'POST', bucket: B, key: 'people.csv', query: [['x-oss-process', 'csv/select']], headers: { range: `bytes=${start - 1}-${start + 1}` }, body: body(false) });
    expect([r.status, r.text]).toEqual([206, 'Eleanor Little\n']);
    const refused = await raw(emu, { method: 'POST', bucket: B, key: 'people.csv', query: [['x-oss-process', 'csv/select']], headers: { range: 'bytes=0-1' }, body: body(true) });
    expect([refused.status, errorCode(refused)]).toEqual([400, 'InvalidArgument']);
  });

  it('raw HTTP: data frames then an end frame with the scanned bytes and 206; OutputRawData has no frames', async () => {
    const body = `<SelectRequest><Expression>${b64('select _1 from ossobject')}</Expression><InputSerialization><CSV><FileHeaderInfo>Ignore</FileHeaderInfo></CSV></InputSerialization></SelectRequest>`;
    const r = await raw(emu, { method: 'POST', bucket: B, key: 'people.csv', query: [['x-oss-process', 'csv/select']], body });
    expect(r.status).toBe(206);
    const f = frames(r.body);
    expect(f.map(([t]) => t)).toEqual([8388609, 8388613]);
    expect(f[0]![1].subarray(8).toString()).toBe('Lora Francis\n#comment\nEleanor Little\nRosie Hughes\n');
    expect([Number(f[1]![1].readBigUInt64BE(8)), f[1]![1].readUInt32BE(16)]).toEqual([CSV.length, 206]);
    const rawBody = body.replace('</InputSerialization>', '</InputSerialization><OutputSerialization><OutputRawData>true</OutputRawData></OutputSerialization>');
    const r2 = await raw(emu, { method: 'POST', bucket: B, key: 'people.csv', query: [['x-oss-process', 'csv/select']], body: rawBody });
    expect([r2.status, r2.headers.get('x-oss-select-output-raw'), r2.text]).toEqual([206, 'true', 'Lora Francis\n#comment\nEleanor Little\nRosie Hughes\n']);
  });
});

describe('SelectObject on JSON', () => {
  it('LINES: records over several lines and between commas; a missing member is left out', async () => {
    const r = await client.selectObject({
      bucket: B,
      key: 'people.json',
      process: 'json/select',
      selectRequest: { expression: b64('select s.name, s.c.x from ossobject s where s.age > 20'), inputSerialization: { json: { type: 'LINES' } } },
    });
    expect((await r.content()).toString()).toBe('{"name":"Lora","x":1}\n{"name":"Rosie"}\n');
  });

  it('DOCUMENT with ossobject.contacts[*]', async () => {
    const r = await client.selectObject({
      bucket: B,
      key: 'doc.json',
      process: 'json/select',
      selectRequest: { expression: b64('select * from ossobject.contacts[*] where v > 2'), inputSerialization: { json: { type: 'DOCUMENT' } } },
    });
    expect((await r.content()).toString()).toBe('{"n":"b","v":5}\n');
  });

  it('a failure after the first record comes in the end frame', async () => {
    const r = await client.selectObject({
      bucket: B,
      key: 'people.json',
      process: 'json/select',
      selectRequest: { expression: b64('select cast(name as int) from ossobject'), inputSerialization: { json: { type: 'LINES' } } },
    });
    await expect(r.content()).rejects.toBeInstanceOf(SelectObjectError);
  });
});

describe('CreateSelectObjectMeta', () => {
  it('CSV: rows, columns, splits and scanned bytes; JSON: rows', async () => {
    const csv = await client.createSelectObjectMeta({ bucket: B, key: 'people.csv', process: 'csv/meta', selectMetaRequest: { inputSerialization: { csv: {} } } });
    expect([csv.totalScannedBytes, csv.splitsCount, csv.rowsCount, csv.colsCount]).toEqual([CSV.length, 1, 5, 4]);
    expect([csv.headers['x-oss-select-csv-rows'], csv.headers['x-oss-select-csv-columns'], csv.headers['x-oss-select-csv-splits']]).toEqual(['5', '4', '1']);
    const gz = await raw(emu, { method: 'POST', bucket: B, key: 'people.csv.gz', query: [['x-oss-process', 'csv/meta']], body: '<CsvMetaRequest><InputSerialization><CompressionType>GZIP</CompressionType></InputSerialization></CsvMetaRequest>' });
    expect([gz.status, errorCode(gz)]).toEqual([400, 'InvalidArgument']);
    const json = await client.createSelectObjectMeta({ bucket: B, key: 'people.json', process: 'json/meta', selectMetaRequest: { inputSerialization: { json: { type: 'LINES' } } } });
    expect([json.rowsCount, json.colsCount]).toEqual([2, 0]);
  });
});

describe('refusals', () => {
  it('bad SQL and a CSV Range of the wrong form are 400 InvalidArgument before any frame', async () => {
    for (const sql of ['select name || age from ossobject', 'select * from ossobject group by name', '']) {
      const body = `<SelectRequest><Expression>${b64(sql)}</Expression></SelectRequest>`;
      const r = await raw(emu, { method: 'POST', bucket: B, key: 'people.csv', query: [['x-oss-process', 'csv/select']], body });
      expect([r.status, errorCode(r)], sql).toEqual([400, 'InvalidArgument']);
    }
  });

  it('a JSON DOCUMENT that is not JSON is an HTTP error', async () => {
    const r = await raw(emu, {
      method: 'POST',
      bucket: B,
      key: 'people.csv',
      query: [['x-oss-process', 'json/select']],
      body: `<SelectRequest><Expression>${b64('select * from ossobject')}</Expression><InputSerialization><JSON><Type>DOCUMENT</Type></JSON></InputSerialization></SelectRequest>`,
    });
    expect([r.status, errorCode(r)]).toEqual([400, 'InvalidArgument']);
  });

  it('a select of a missing object is NoSuchKey (other x-oss-process values on POST are ProcessObject: imageProcess.test.ts)', async () => {
    const missing = await raw(emu, { method: 'POST', bucket: B, key: 'nope.csv', query: [['x-oss-process', 'csv/select']], body: '<SelectRequest/>' });
    expect([missing.status, errorCode(missing)]).toEqual([404, 'NoSuchKey']);
  });
});
