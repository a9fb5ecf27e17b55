// OSS XML both ways, fast-xml-parser set up once. OSS documents are un-namespaced and carry text only; values
// stay strings (a tag value "007" or "1e3" must not become a number), whitespace inside values is kept (tag
// values may have spaces), attributes are ignored. References are decoded here rather than by the parser: only
// the five predefined entities and numeric character references (XML 1.0 §4.1, §4.6), in one pass so `&amp;#65;`
// stays `&#65;`; DOCTYPE is refused, so no declared entity can expand (the "billion laughs" body), and any other
// `&name;` is malformed, as it is for Python's ElementTree, which the SDKs' servers are held to.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

export class XmlError extends Error {
  override name = 'XmlError';
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));|&/g;

/** Decodes the references XML allows without a DTD; any other `&` is a well-formedness error. */
function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (match, name?: string, dec?: string, hex?: string) => {
    if (name) return PREDEFINED[name]!;
    const code = dec !== undefined ? parseInt(dec, 10) : hex !== undefined ? parseInt(hex, 16) : NaN;
    // XML 1.0 Char production: no NUL, no surrogates, nothing past U+10FFFF.
    if (Number.isNaN(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      throw new XmlError(`invalid reference ${match === '&' ? "'&' not starting a reference" : match}`);
    }
    return String.fromCodePoint(code);
  });
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  tagValueProcessor: (_name: string, value: string) => decodeReferences(value),
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: false,
});

/** Text escaping as OSS writes it: only & < > — quotes stay literal (`<ETag>"…"</ETag>`, behaviour §2.1). */
function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const builderOptions = {
  ignoreAttributes: true,
  format: false,
  suppressEmptyNode: false,
  processEntities: false,
  tagValueProcessor: (_name: string, value: unknown) => (typeof value === 'string' ? escapeText(value) : (value as string)),
};
const builder = new XMLBuilder(builderOptions);
/** Two-space indentation, one element a line: how OSS writes its error documents. */
const indentedBuilder = new XMLBuilder({ ...builderOptions, format: true, indentBy: '  ' });

const MAX_DEPTH = 64;

function depthOk(text: string): boolean {
  // Cheap guard against pathological nesting before the recursive parser sees it.
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 60 /* < */) continue;
    const next = text[i + 1];
    if (next === '/') depth--;
    else if (next !== '?' && next !== '!') {
      const close = text.indexOf('>', i);
      if (close > 0 && text[close - 1] !== '/') depth++;
    }
    if (depth > max) max = depth;
    if (max > MAX_DEPTH) return false;
  }
  return true;
}

/** Parses an XML document into plain objects of strings; repeated elements become arrays. */
export function parseXml(text: string): Record<string, unknown> {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XmlError('DOCTYPE and entity declarations are not accepted');
  if (!depthOk(text)) throw new XmlError(`elements nested deeper than ${MAX_DEPTH}`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlError(valid.err.msg);
  // CDATA holds literal text: re-escape it so that the single reference pass gives it back unchanged.
  const doc = parser.parse(text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) => escapeText(data))) as unknown;
  if (doc === null || typeof doc !== 'object') throw new XmlError('no root element');
  return doc as Record<string, unknown>;
}

/** A whole document: declaration + `<root>` built from `body` (arrays become repeated elements). */
export function buildXml(root: string, body: object | string, options: { indent?: boolean } = {}): string {
  const xml = options.indent ? (indentedBuilder.build({ [root]: body }) as string).trimEnd() : builder.build({ [root]: body });
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml;
}

export function asArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** A child element's text, or undefined when absent (an empty element is ''). */
export function textOf(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const v = (node as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : v === undefined ? undefined : typeof v === 'object' && v !== null && Object.keys(v).length === 0 ? '' : undefined;
}
