// xmlSchema.ts: models to XML trees and back by element schema, without HTTP.
import { describe, expect, it } from 'vitest';
import { buildXml, fromXmlTree, parseXml, toXmlTree, type XmlObjectSchema } from '../src/index.js';

const SCHEMA: XmlObjectSchema = {
  name: ['Name', 's'],
  count: ['Count', 'n'],
  on: ['On', 'b'],
  items: ['Item', [{ key: ['Key', 's'] }]],
  wrapped: ['List/Entry', ['s']],
  nested: ['Nested', { tags: ['Tag', ['s']] }],
};

describe('xmlSchema', () => {
  it('writes elements in schema order, repeats arrays, wraps A/B, leaves out undefined and unknown fields', () => {
    const tree = toXmlTree({ on: false, name: 'n', count: 3, items: [{ key: 'a' }, { key: 'b' }], wrapped: ['x', 'y'], extra: 1, nested: undefined }, SCHEMA);
    expect(buildXml('Root', tree)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Root><Name>n</Name><Count>3</Count><On>false</On><Item><Key>a</Key></Item><Item><Key>b</Key></Item><List><Entry>x</Entry><Entry>y</Entry></List></Root>',
    );
  });

  it('reads typed values, a single repeated element as a one-item array, and skips elements it does not name', () => {
    const doc = parseXml('<Root><Name>n</Name><Count>7</Count><On>true</On><Item><Key>a</Key></Item><List><Entry>x</Entry></List><Other>z</Other><Nested/></Root>');
    expect(fromXmlTree(doc.Root, SCHEMA)).toEqual({ name: 'n', count: 7, on: true, items: [{ key: 'a' }], wrapped: ['x'], nested: {} });
  });
});
