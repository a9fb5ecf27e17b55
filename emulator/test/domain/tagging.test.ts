import { describe, expect, it } from 'vitest';
import { codeOf } from './support.js';
import { parseTaggingDirective, parseTaggingHeader, tagsFromXml } from '../../src/domain/tagging.js';

const code = codeOf;

describe('tagging (behaviour §1.5, §5)', () => {
  it('parses the URL-encoded header form; a pair without = has an empty value', () => {
    expect(parseTaggingHeader('a=1&b%20c=d%2Be&empty')).toEqual([
      { key: 'a', value: '1' },
      { key: 'b c', value: 'd+e' },
      { key: 'empty', value: '' },
    ]);
    expect(parseTaggingHeader('%E4%B8%AD%E6%96%87=test%2B%2B%2F')).toEqual([{ key: '中文', value: 'test++/' }]);
  });

  it('refuses a=b=c, duplicates, more than 10 tags, long keys and values, bad characters', () => {
    expect(code(() => parseTaggingHeader('aa=bb=cc'))).toBe('InvalidArgument');
    expect(code(() => parseTaggingHeader('a=1&a=2'))).toBe('InvalidArgument');
    expect(code(() => parseTaggingHeader(Array.from({ length: 11 }, (_, i) => `k${i}=v`).join('&')))).toBe('InvalidTag');
    expect(code(() => parseTaggingHeader(`${'k'.repeat(129)}=v`))).toBe('InvalidTag');
    expect(code(() => parseTaggingHeader(`k=${'v'.repeat(257)}`))).toBe('InvalidTag');
    expect(code(() => parseTaggingHeader('k=%3Cscript%3E'))).toBe('InvalidTag');
    expect(parseTaggingHeader(`${'k'.repeat(128)}=${'v'.repeat(256)}`)).toHaveLength(1);
  });

  it('reads the Tagging document, including an empty TagSet', () => {
    expect(tagsFromXml({ Tagging: { TagSet: { Tag: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '' }] } } })).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '' },
    ]);
    expect(tagsFromXml({ Tagging: { TagSet: '' } })).toEqual([]);
    expect(code(() => tagsFromXml({ Other: {} }))).toBe('MalformedXML');
  });

  it('tagging directive is case-insensitive', () => {
    expect(parseTaggingDirective('REPLACE')).toBe('Replace');
    expect(parseTaggingDirective('copy')).toBe('Copy');
    expect(code(() => parseTaggingDirective('Merge'))).toBe('InvalidArgument');
  });
});
