// Models (PY2's in camelCase) to and from OSS XML by a schema naming each field's element and type, for the
// configuration documents whose shape is all there is to them (inventory, CNAME, redundancy transitions, callback
// policies, user-defined log fields). `[T]` is a repeated element; an element `A/B` is B repeated inside a wrapper A.
// Values are text on the wire: numbers and booleans are written with String() and read back typed.
import { asArray } from './xml.js';

export type XmlScalar = 's' | 'n' | 'b';
export type XmlSchema = XmlScalar | XmlObjectSchema | [XmlSchema];
export interface XmlObjectSchema {
  [field: string]: [element: string, schema: XmlSchema];
}

type Fields = Record<string, unknown>;

/** A model as buildXml's element tree; fields the schema does not name, and undefined ones, are left out. */
export function toXmlTree(model: object, schema: XmlObjectSchema): Fields {
  const out: Fields = {};
  const one = (x: unknown, t: XmlSchema): unknown => (typeof t === 'string' ? String(x ?? '') : Array.isArray(t) ? x : toXmlTree(x as Fields, t));
  for (const [field, [element, type]] of Object.entries(schema)) {
    const v = (model as Fields)[field];
    if (v === undefined || v === null) continue;
    if (Array.isArray(type)) {
      const items = (v as unknown[]).map((x) => one(x, type[0]));
      const [wrapper, inner] = element.split('/');
      if (inner !== undefined) out[wrapper!] = { [inner]: items };
      else out[element] = items;
    } else {
      out[element] = one(v, type);
    }
  }
  return out;
}

function scalarOf(v: unknown, t: XmlScalar): unknown {
  const text = typeof v === 'string' ? v : '';
  return t === 'n' ? Number(text) : t === 'b' ? text === 'true' : text;
}

/** A parsed element (parseXml) as a model; elements the schema does not name are left out. */
export function fromXmlTree(node: unknown, schema: XmlObjectSchema): Fields {
  const out: Fields = {};
  if (node === null || typeof node !== 'object') return out;
  const one = (x: unknown, t: XmlSchema): unknown => (typeof t === 'string' ? scalarOf(x, t) : Array.isArray(t) ? x : fromXmlTree(x, t));
  for (const [field, [element, type]] of Object.entries(schema)) {
    const [wrapper, inner] = element.split('/');
    const raw = inner !== undefined ? ((node as Fields)[wrapper!] as Fields | undefined)?.[inner] : (node as Fields)[element];
    if (raw === undefined) continue;
    out[field] = Array.isArray(type) ? asArray(raw as unknown[]).map((x) => one(x, type[0])) : one(raw, type);
  }
  return out;
}
