// SelectObject and CreateSelectObjectMeta scenarios (behaviour §15): CSV and JSON rows, the end frame's failure, the
// meta counts, and a refused expression. Inputs and expectations follow the PY2 suite
// (tests/integration/test_select_object_client.py) and oss2's (tests/test_select_csv_object.py).
import type { Scenario } from '../model.js';
import { eq, fails, ok } from './expect.js';

const s = (n: number) => `select-${String(n).padStart(2, '0')}`;
const b64 = (v: string) => Buffer.from(v).toString('base64');
const CSV = 'name,school,company,age\nLora Francis,School,Staples Inc,27\nEleanor Little,School,"Conectiv, Inc",43\nRosie Hughes,School,Western Gas Resources Inc,44\n';

export const selectObjectScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'csv/select: header names, WHERE, quoting kept; output header; 206 and x-oss-select-output-raw false',
    tags: ['select'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = ctx.key('people.csv');
      ok(await ctx.call('PutObject', { bucket, key, body: CSV }));
      const r = ok(
        await ctx.call('SelectObject', {
          bucket,
          key,
          process: 'csv/select',
          selectRequest: {
            expression: b64('select name, company from ossobject where cast(age as int) > 40'),
            inputSerialization: { csv: { fileHeaderInfo: 'Use' } },
            outputSerialization: { outputHeader: true },
          },
        }),
        206,
      );
      eq(r.headers['x-oss-select-output-raw'], 'false', 'x-oss-select-output-raw');
      eq(r.data?.selectRows, 'name,company\nEleanor Little,"Conectiv, Inc"\nRosie Hughes,Western Gas Resources Inc\n', 'rows');
    },
  },
  {
    id: s(2),
    title: 'json/select LINES: paths, the last segment names the member; aggregates over CSV',
    tags: ['select'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = ctx.key('people.json');
      ok(await ctx.call('PutObject', { bucket, key, body: '{"p":{"n":"Lora"},"age":27}\n{"p":{"n":"Rosie"},"age":44}\n' }));
      const r = ok(
        await ctx.call('SelectObject', {
          bucket,
          key,
          process: 'json/select',
          selectRequest: { expression: b64('select s.p.n from ossobject s where s.age > 30'), inputSerialization: { json: { type: 'LINES' } } },
        }),
        206,
      );
      eq(r.data?.selectRows, '{"n":"Rosie"}\n', 'rows');
      const csvKey = ctx.key('agg.csv');
      ok(await ctx.call('PutObject', { bucket, key: csvKey, body: CSV }));
      const agg = ok(
        await ctx.call('SelectObject', {
          bucket,
          key: csvKey,
          process: 'csv/select',
          selectRequest: { expression: b64('select count(*), max(cast(age as int)) from ossobject'), inputSerialization: { csv: { fileHeaderInfo: 'Use' } } },
        }),
        206,
      );
      eq(agg.data?.selectRows, '3,44\n', 'aggregates');
    },
  },
  {
    id: s(3),
    title: 'csv/meta and json/meta: scanned bytes, splits, rows, columns (PY2 test_select_object_csv_metadata)',
    tags: ['select'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = ctx.key('meta.csv');
      ok(await ctx.call('PutObject', { bucket, key, body: CSV }));
      const m = ok(await ctx.call('CreateSelectObjectMeta', { bucket, key, process: 'csv/meta', selectMetaRequest: { inputSerialization: { csv: { fileHeaderInfo: 'None' } } } }));
      eq(m.data?.selectMeta, { totalScannedBytes: CSV.length, splitsCount: 1, rowsCount: 4, colsCount: 4 }, 'csv meta');
      const jkey = ctx.key('meta.json');
      const json = '{"a":1}\n{"b":\n2}\n{"c":[]}';
      ok(await ctx.call('PutObject', { bucket, key: jkey, body: json }));
      const j = ok(await ctx.call('CreateSelectObjectMeta', { bucket, key: jkey, process: 'json/meta', selectMetaRequest: { inputSerialization: { json: { type: 'LINES' } } } }));
      eq(j.data?.selectMeta, { totalScannedBytes: json.length, splitsCount: 1, rowsCount: 3, colsCount: 0 }, 'json meta');
    },
  },
  {
    id: s(4),
    title: 'refusals: || in the select list is 400 (oss2 invalid_sql); a cast failing after the first row ends in an error frame',
    tags: ['select'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = ctx.key('bad.csv');
      ok(await ctx.call('PutObject', { bucket, key, body: CSV }));
      fails(
        await ctx.call('SelectObject', { bucket, key, process: 'csv/select', selectRequest: { expression: b64('select name || age from ossobject') } }),
        400,
      );
      const r = ok(
        await ctx.call('SelectObject', {
          bucket,
          key,
          process: 'csv/select',
          selectRequest: { expression: b64('select cast(name as int) from ossobject'), inputSerialization: { csv: { fileHeaderInfo: 'Use' } } },
        }),
        206,
      );
      eq(r.data?.selectError !== undefined, true, 'an error frame');
    },
  },
];
