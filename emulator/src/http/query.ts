// The request's query string as OSS reads it: ordered name/value pairs, percent-decoded, where `+` stays `+`
// (OSS and its SDKs encode spaces as %20; Koa's ctx.query would turn `+` into a space) and a bare name (`?acl`)
// has no value. Malformed escapes are kept verbatim rather than failing the request.

export type QueryPairs = [string, string | undefined][];

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseQuery(raw: string): QueryPairs {
  const pairs: QueryPairs = [];
  if (raw === '') return pairs;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) pairs.push([safeDecode(part), undefined]);
    else pairs.push([safeDecode(part.slice(0, eq)), safeDecode(part.slice(eq + 1))]);
  }
  return pairs;
}

export class Query {
  constructor(readonly pairs: QueryPairs) {}

  names(): string[] {
    return this.pairs.map(([n]) => n);
  }

  has(name: string): boolean {
    return this.pairs.some(([n]) => n === name);
  }

  /** The first value of `name`: '' for a bare `?name`, undefined when absent. */
  get(name: string): string | undefined {
    const pair = this.pairs.find(([n]) => n === name);
    return pair === undefined ? undefined : (pair[1] ?? '');
  }
}
