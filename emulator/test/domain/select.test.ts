// The select rules without HTTP (behaviour §15): the SQL dialect, record splitting and the frame layout.
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Aggregation, matches, parseSelect, SqlError, evaluate, type Row } from '../../src/domain/selectSql.js';
import { CsvSplitter, JsonArrayStreamer, JsonValueSplitter, parseJsonValue } from '../../src/domain/selectInput.js';
import { dataFrame, endFrame, FRAME_DATA, FRAME_END, metaEndFrame } from '../../src/domain/selectFrames.js';
import { parseRange } from '../../src/domain/selectRequest.js';

const csvFormat = { recordDelimiter: '\n', fieldDelimiter: ',', quote: '"', comment: '#', allowQuotedRecordDelimiter: true };

function csvRow(header: string[], fields: string[]): Row {
  return (path) => {
    const name = String(path[0]);
    const i = /^_\d+$/.test(name) ? Number(name.slice(1)) - 1 : header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    return fields[i];
  };
}

describe('the SQL dialect', () => {
  it('projection by header name (any case), position and alias; the last of repeated aliases names the column', () => {
    const q = parseSelect('select Name, _2, age as years, person.firstname as aaa as firstname from ossobject');
    expect(q.items!.map((i) => i.name)).toEqual(['Name', '_2', 'years', 'firstname']);
  });

  it('WHERE: numeric comparison of text fields, AND before OR, LIKE, IN, IS NULL, concat', () => {
    const h = ['name', 'value', 'unit'];
    const q = parseSelect("select * from ossobject where value > 14.8 and unit = '%' or name like '%Years' or (value || unit) = '1%'");
    expect(matches(q, csvRow(h, ['a', '15', '%']))).toBe(true);
    expect(matches(q, csvRow(h, ['a', '9', '%']))).toBe(false);
    expect(matches(q, csvRow(h, ['18 Years', '', '']))).toBe(true);
    expect(matches(q, csvRow(h, ['x', '1', '%']))).toBe(true);
    expect(matches(parseSelect("select * from ossobject where unit in ('%', 'kg')"), csvRow(h, ['a', '1', 'kg']))).toBe(true);
    expect(matches(parseSelect('select * from ossobject where value is null'), csvRow(h, ['a', '', 'kg']))).toBe(true);
    expect(matches(parseSelect('select * from ossobject where value is not null'), csvRow(h, ['a', '', 'kg']))).toBe(false);
  });

  it('json paths, the FROM alias and [*] in FROM; CAST', () => {
    const q = parseSelect('select s.a.b from ossobject.contacts[*] as s where cast(s.age as int) > 40');
    expect(q.fromPath).toEqual(['contacts', '*']);
    const rec = parseJsonValue('{"a":{"b":"x"},"age":"41.5"}', false);
    const row: Row = (path) => path.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k as string], rec) as never;
    expect(matches(q, row)).toBe(true);
    expect(evaluate(q.items![0]!.expr, row)).toBe('x');
  });

  it('aggregates keep accumulators; empty fields are skipped', () => {
    const q = parseSelect('select count(*), sum(cast(v as double)), avg(cast(v as double)), min(v), max(v) from ossobject');
    const agg = new Aggregation(q);
    for (const v of ['1', '', '3', '2']) agg.add(csvRow(['v'], [v]));
    expect(agg.result()).toEqual([4, 6, 2, '1', '3']);
  });

  it('refuses what OSS refuses: || in the select list, aggregates in WHERE, GROUP BY, an empty expression', () => {
    for (const sql of [
      'select year || city from ossobject',
      'select * from ossobject where avg(cast(year as int)) > 2016',
      'select * from ossobject group by city',
      'select * from ossobject order by _1',
      '',
    ])
      expect(() => parseSelect(sql), sql).toThrow(SqlError);
  });

  it('LIMIT and a stray trailing quote (the PY2 suite sends one)', () => {
    expect(parseSelect('select * from ossobject limit 3').limit).toBe(3);
    expect(parseSelect("select name from ossobject'").items!.length).toBe(1);
  });
});

describe('records', () => {
  it('CSV: quotes, doubled quotes, quoted delimiters, comments, records split across pushes', () => {
    const s = new CsvSplitter(csvFormat);
    const text = 'a,"b, c",d\n#skip me\n"x""y",2\nlast,';
    const out: string[][] = [];
    for (const ch of text) out.push(...s.push(ch));
    out.push(...s.end());
    expect(out).toEqual([['a', 'b, c', 'd'], ['x"y', '2'], ['last', '']]);
  });

  it('CSV: each record\'s start is its UTF-8 byte offset, across pushes', () => {
    const s = new CsvSplitter(csvFormat);
    const first = s.push('é,1\nab');
    const startsFirst = s.starts;
    const rest = [...s.push(',2\n€x,3')];
    const startsRest = s.starts;
    rest.push(...s.end());
    expect([first, startsFirst]).toEqual([[['é', '1']], [0]]);
    expect([rest, [...startsRest, ...s.starts]]).toEqual([[['ab', '2'], ['€x', '3']], [5, 10]]);
  });

  it('CSV: text after a closing quote fails, after the records before it', () => {
    const s = new CsvSplitter(csvFormat);
    expect(s.push('ok,1\n"a"b,2\n')).toEqual([['ok', '1']]);
    expect(() => s.end()).toThrow(SqlError);
  });

  it('JSON LINES: objects over several lines and separated by commas', () => {
    const s = new JsonValueSplitter();
    const out = [...s.push('{"a":1,\n "b":"}"},\n{"c":'), ...s.push('[1,2]}\n')];
    s.end();
    expect(out).toEqual(['{"a":1,\n "b":"}"}', '{"c":[1,2]}']);
  });

  it('JSON DOCUMENT: the elements of the array at a path stream out one by one, whatever the pieces', () => {
    const doc = '{"meta":{"objects":[9]},"objects":[{"a":"x]","b":[1,{"c":2}]}, 3, "s,t" ,{"d":{}}],"tail":true}';
    for (const size of [1, 3, doc.length]) {
      const s = new JsonArrayStreamer(['objects']);
      const out: string[] = [];
      for (let i = 0; i < doc.length; i += size) out.push(...s.push(doc.slice(i, i + size)));
      s.end();
      expect(out, `pieces of ${size}`).toEqual(['{"a":"x]","b":[1,{"c":2}]}', '3', '"s,t"', '{"d":{}}']);
    }
    expect(() => new JsonArrayStreamer(['objects']).push('Year,City\n')).toThrow(SqlError);
    const cut = new JsonArrayStreamer(['objects']);
    cut.push('{"objects":[{"a":1}');
    expect(() => cut.end()).toThrow(SqlError);
  });

  it('ranges: line ends are exclusive, split ends inclusive; bad ones refused', () => {
    expect(parseRange('line-range=10-50')).toEqual({ kind: 'line', first: 10, last: 50 });
    expect(parseRange('split-range=-9')).toEqual({ kind: 'split', first: undefined, last: 9 });
    expect(() => parseRange('line-range=5-1')).toThrow(SqlError);
    expect(() => parseRange('bytes=1-2')).toThrow(SqlError);
  });
});

describe('frames', () => {
  it('data frame: version 1, type 8388609, length, offset, payload, CRC-32 of the payload', () => {
    const f = dataFrame(7, Buffer.from('hi'));
    expect(f[0]).toBe(1);
    expect(f.readUInt32BE(0) & 0xffffff).toBe(FRAME_DATA);
    expect(f.readUInt32BE(4)).toBe(10);
    const payload = f.subarray(12, 22);
    expect(payload.readBigUInt64BE(0)).toBe(7n);
    expect(payload.subarray(8).toString()).toBe('hi');
    expect(f.readUInt32BE(22)).toBe(crc32(payload) >>> 0);
  });

  it('end frame carries scanned bytes, status and Code.message; meta end frame the counts', () => {
    const e = endFrame(100, 400, 'InvalidArgument.bad');
    expect(e.readUInt32BE(0) & 0xffffff).toBe(FRAME_END);
    expect(e.readBigUInt64BE(12 + 8)).toBe(100n);
    expect(e.readUInt32BE(12 + 16)).toBe(400);
    expect(e.subarray(12 + 20, e.length - 4).toString()).toBe('InvalidArgument.bad');
    const m = metaEndFrame({ scanned: 50, status: 200, splits: 1, rows: 5, columns: 4 });
    expect(m.readUInt32BE(0) & 0xffffff).toBe(8388614);
    expect([m.readUInt32BE(12 + 20), m.readBigUInt64BE(12 + 24), m.readUInt32BE(12 + 32)]).toEqual([1, 5n, 4]);
  });
});
