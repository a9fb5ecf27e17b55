// OSS XML parsing and building (xml.ts): strings only, whitespace kept, only XML's own references decoded,
// malformed documents refused with XmlError.
import { describe, expect, it } from 'vitest';
import { asArray, buildXml, parseXml, textOf, XmlError } from '@local-oss/client';

describe('parseXml', () => {
  it('keeps every value a string, whitespace included, and ignores the declaration and attributes', () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Tagging xmlns="http://x"><TagSet><Tag><Key> a b </Key><Value>007</Value></Tag>' +
        '<Tag><Key k="1">1e3</Key><Value>true</Value></Tag></TagSet><Empty/><Blank></Blank></Tagging>',
    );
    expect(doc).toEqual({
      Tagging: {
        TagSet: { Tag: [{ Key: ' a b ', Value: '007' }, { Key: '1e3', Value: 'true' }] },
        Empty: '',
        Blank: '',
      },
    });
  });

  it('decodes the five predefined entities and character references in one pass', () => {
    expect(parseXml('<K>a&amp;b&lt;c&gt;d&quot;e&apos;f&#65;&#x42;&amp;#65;&#x1F600;</K>')).toEqual({ K: 'a&b<c>d"e\'fAB&#65;😀' });
  });

  it('keeps CDATA literal', () => {
    expect(parseXml('<K>x<![CDATA[&amp; <y>]]>z</K>')).toEqual({ K: 'x&amp; <y>z' });
  });

  it('refuses DOCTYPE, entity declarations, undefined entities and invalid references', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><a>&lol2;</a>';
    for (const bad of [bomb, '<a>&nbsp;</a>', '<a>&copy;</a>', '<a>&#0;</a>', '<a>&#xD800;</a>', '<a>&#1114112;</a>']) {
      expect(() => parseXml(bad), bad).toThrow(XmlError);
    }
  });

  it('refuses malformed documents, unclosed tags included', () => {
    for (const bad of ['', 'not xml', '<a>', '<a><b>x</a>', '<a><b>x</b>', '<a></b>', '<a>x</a><', '<a>a & b</a>']) {
      expect(() => parseXml(bad), JSON.stringify(bad)).toThrow(XmlError);
    }
  });

  it('refuses pathological nesting before parsing it', () => {
    expect(() => parseXml('<a>'.repeat(10_000) + '</a>'.repeat(10_000))).toThrow(/nested deeper/);
    expect(parseXml('<a>'.repeat(20) + 'x' + '</a>'.repeat(20))).toBeDefined();
  });
});

describe('buildXml', () => {
  it('writes the declaration, repeated elements for arrays, un-namespaced, escaping text', () => {
    expect(
      buildXml('ListBucketResult', {
        Name: 'b',
        Prefix: '',
        MaxKeys: 100,
        IsTruncated: false,
        Contents: [
          { Key: 'a&b<c>.txt', ETag: '"5EB63BBBE01EEED093CB22BB8F5ACDC3"' },
          { Key: ' spaced ', ETag: '"x"' },
        ],
        CommonPrefixes: [],
      }),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult><Name>b</Name><Prefix></Prefix><MaxKeys>100</MaxKeys>' +
        '<IsTruncated>false</IsTruncated><Contents><Key>a&amp;b&lt;c&gt;.txt</Key><ETag>"5EB63BBBE01EEED093CB22BB8F5ACDC3"</ETag></Contents>' +
        '<Contents><Key> spaced </Key><ETag>"x"</ETag></Contents></ListBucketResult>',
    );
  });

  it('round-trips through parseXml', () => {
    const body = { Code: 'NoSuchKey', Message: 'The specified key does not exist.', Key: 'a & <b> "c" \'d\'' };
    expect(parseXml(buildXml('Error', body))).toEqual({ Error: body });
  });
});

describe('asArray and textOf', () => {
  it('normalises the one-or-many shape the parser gives', () => {
    expect(asArray(undefined)).toEqual([]);
    expect(asArray(null)).toEqual([]);
    expect(asArray('')).toEqual([]);
    expect(asArray({ Key: 'a' })).toEqual([{ Key: 'a' }]);
    expect(asArray([1, 2])).toEqual([1, 2]);
    const doc = parseXml('<D><Object><Key>a</Key></Object></D>') as { D: { Object: unknown } };
    expect(asArray(doc.D.Object)).toEqual([{ Key: 'a' }]);
  });

  it('reads a child element text, "" for an empty one, undefined when absent', () => {
    const doc = parseXml('<R><A>x</A><B/></R>').R;
    expect(textOf(doc, 'A')).toBe('x');
    expect(textOf(doc, 'B')).toBe('');
    expect(textOf(doc, 'C')).toBeUndefined();
    expect(textOf('str', 'A')).toBeUndefined();
  });
});
