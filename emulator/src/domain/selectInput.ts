// Splitting a SelectObject input into records as it streams (behaviour §15): CSV records and fields, and the
// top-level JSON values of a LINES object. Pure and incremental: text is pushed in pieces, complete records come
// out, and only the record being read is held.
import { JsonNumber, SqlError, type Value } from './selectSql.js';

export interface CsvFormat {
  recordDelimiter: string;
  fieldDelimiter: string;
  quote: string;
  comment: string;
  allowQuotedRecordDelimiter: boolean;
}

/** CSV records from pushed text; a comment line (first character the comment character) is skipped. */
export class CsvSplitter {
  private buf = '';
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** Just after a closing quote: only a delimiter may follow. */
  private closed = false;
  private atRecordStart = true;
  private skipping = false;
  private pos = 0;

  constructor(private readonly f: CsvFormat) {}

  /** Malformed text: raised after the records before it have been handed out. */
  private failure: SqlError | undefined;
  /** UTF-8 byte offsets: of the buffer's start, of a scanned position within it, and of the current record. */
  private bufByte = 0;
  private scanI = 0;
  private scanByte = 0;
  private recordStart = 0;
  /** The byte offset in the input where each record handed out by the last push/end starts (Range header). */
  starts: number[] = [];

  private byteAt(i: number): number {
    this.scanByte += Buffer.byteLength(this.buf.slice(this.scanI, i), 'utf8');
    this.scanI = i;
    return this.bufByte + this.scanByte;
  }

  /** Complete records in the text so far. */
  push(text: string): string[][] {
    if (this.failure) throw this.failure;
    this.buf += text;
    return this.drain(false);
  }

  /** The last record (without a trailing delimiter). */
  end(): string[][] {
    if (this.failure) throw this.failure;
    return this.drain(true);
  }

  private drain(final: boolean): string[][] {
    const out: string[][] = [];
    this.starts = [];
    try {
      this.split(final, out);
    } catch (err) {
      if (!(err instanceof SqlError) || out.length === 0) throw err;
      this.failure = err;
    }
    return out;
  }

  private split(final: boolean, out: string[][]): void {
    const { recordDelimiter: rd, fieldDelimiter: fd, quote: q, comment } = this.f;
    const b = this.buf;
    let i = this.pos;
    // Keep enough unread text to recognise a delimiter split across pushes.
    const guard = Math.max(rd.length, fd.length, 2 * q.length, comment.length);
    while (i < b.length) {
      if (!final && i > b.length - guard) break;
      if (this.skipping) {
        if (b.startsWith(rd, i)) {
          this.skipping = false;
          this.atRecordStart = true;
          i += rd.length;
        } else i++;
        continue;
      }
      if (this.atRecordStart && comment !== '' && b.startsWith(comment, i)) {
        this.skipping = true;
        i += comment.length;
        continue;
      }
      if (this.atRecordStart) this.recordStart = this.byteAt(i);
      this.atRecordStart = false;
      if (this.inQuotes) {
        if (q !== '' && b.startsWith(q, i)) {
          if (b.startsWith(q, i + q.length)) {
            this.field += q;
            i += 2 * q.length;
          } else {
            this.inQuotes = false;
            this.closed = true;
            i += q.length;
          }
          continue;
        }
        if (!this.f.allowQuotedRecordDelimiter && b.startsWith(rd, i)) {
          this.inQuotes = false;
          continue;
        }
        this.field += b[i];
        i++;
        continue;
      }
      const atDelimiter = b.startsWith(rd, i) || b.startsWith(fd, i);
      // Text after a closing quote, before the next delimiter: malformed (oss2
      // test_select_csv_object_with_invalid_data, a record `"2015,…,3042,"(33.57…` fails the select).
      if (this.closed && !atDelimiter) throw new SqlError('a quoted field is followed by more text');
      this.closed = false;
      if (b.startsWith(rd, i)) {
        this.fields.push(this.field);
        out.push(this.fields);
        this.starts.push(this.recordStart);
        this.fields = [];
        this.field = '';
        this.atRecordStart = true;
        i += rd.length;
        continue;
      }
      if (b.startsWith(fd, i)) {
        this.fields.push(this.field);
        this.field = '';
        i += fd.length;
        continue;
      }
      if (q !== '' && this.field === '' && b.startsWith(q, i)) {
        this.inQuotes = true;
        i += q.length;
        continue;
      }
      this.field += b[i];
      i++;
    }
    this.bufByte = this.byteAt(i);
    this.scanI = 0;
    this.scanByte = 0;
    this.buf = b.slice(i);
    this.pos = 0;
    // A quoted field still open at the end: the data is malformed (oss2 test_select_csv_object_with_invalid_data).
    if (final && this.inQuotes) throw new SqlError('a quoted field is not closed at the end of the object');
    if (final && (this.fields.length > 0 || this.field !== '') && !this.skipping) {
      this.fields.push(this.field);
      out.push(this.fields);
      this.starts.push(this.recordStart);
      this.fields = [];
      this.field = '';
    }
  }
}

/**
 * The top-level JSON values of pushed text, each as its source text. [I] whitespace and commas between values are
 * skipped: real OSS reads `{…},\n{…}` as LINES records (PY2 test_select_object_json_1), and objects spread over
 * several lines (PY2 test_select_object_json_metadata counts 3 rows).
 */
export class JsonValueSplitter {
  private buf = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private start = -1;
  private scan = 0;

  push(text: string): string[] {
    this.buf += text;
    const out: string[] = [];
    const b = this.buf;
    let i = this.scan;
    for (; i < b.length; i++) {
      const c = b[i]!;
      if (this.start < 0) {
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',') continue;
        if (c !== '{' && c !== '[') throw new SqlError('a JSON record must be an object or an array');
        this.start = i;
        this.depth = 1;
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth++;
      else if (c === '}' || c === ']') {
        this.depth--;
        if (this.depth === 0) {
          out.push(b.slice(this.start, i + 1));
          this.start = -1;
        }
      }
    }
    if (this.start < 0) {
      this.buf = '';
      this.scan = 0;
    } else {
      this.buf = b.slice(this.start);
      this.scan = i - this.start;
      this.start = 0;
    }
    return out;
  }

  end(): void {
    if (this.start >= 0) throw new SqlError('the JSON input ends inside a record');
  }
}

/** Parses one JSON text, numbers kept as written (ParseJsonNumberAsString keeps them as strings). */
export function parseJsonValue(text: string, numbersAsStrings: boolean): Value {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new SqlError(`malformed JSON at offset ${i}`);
  };
  const value = (): Value => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: { [k: string]: Value } = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const k = str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        obj[k] = value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const arr: Value[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail();
      }
    }
    if (c === '"') return str();
    for (const [lit, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return v;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m) return fail();
    i += m[0].length;
    return new JsonNumber(m[0], numbersAsStrings);
  };
  const str = (): string => {
    const m = /^"(?:[^"\\]|\\.)*"/s.exec(text.slice(i));
    if (!m) return fail();
    i += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const v = value();
  ws();
  if (i !== text.length) fail();
  return v;
}

interface Container {
  array: boolean;
  /** The key (object member) or index (array element) this container sits under in its parent. */
  at: string | number | undefined;
  /** Arrays: the index of the next element; objects: whether a member name comes next. */
  index: number;
  expectKey: boolean;
  key: string | undefined;
}

/**
 * The elements of one array inside a JSON DOCUMENT (`from ossobject.objects[*]`), each as its source text, as the
 * text streams in: only the element being read is held, never the document.
 */
export class JsonArrayStreamer {
  private buf = '';
  private i = 0;
  private stack: Container[] = [];
  private inString = false;
  private escaped = false;
  private strStart = -1;
  private capStart = -1;
  private capDepth = 0;
  private capScalar = false;
  private seenRoot = false;

  /** `prefix`: the path of the array (before the `*`). */
  constructor(private readonly prefix: (string | number)[]) {}

  private atTarget(): boolean {
    if (this.stack.length !== this.prefix.length + 1) return false;
    const top = this.stack[this.stack.length - 1]!;
    if (!top.array) return false;
    return this.prefix.every((seg, k) => this.stack[k + 1]!.at === seg || String(this.stack[k + 1]!.at) === String(seg));
  }

  private childAt(): string | number | undefined {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) return undefined;
    return top.array ? top.index : top.key;
  }

  push(text: string): string[] {
    this.buf += text;
    const out: string[] = [];
    const b = this.buf;
    let i = this.i;
    for (; i < b.length; i++) {
      const c = b[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') {
          this.inString = false;
          const top = this.stack[this.stack.length - 1];
          if (top && !top.array && top.expectKey && this.capStart < 0) {
            top.key = JSON.parse(b.slice(this.strStart, i + 1)) as string;
            top.expectKey = false;
          }
        }
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ':') continue;
      const top = this.stack[this.stack.length - 1];
      // A scalar element of the target array ends at the next , or ].
      if (this.capStart >= 0 && this.capScalar && (c === ',' || c === ']') && this.stack.length === this.capDepth) {
        out.push(b.slice(this.capStart, i).trim());
        this.capStart = -1;
      }
      if (c === ',') {
        if (top?.array) top.index++;
        else if (top) top.expectKey = true;
        continue;
      }
      if (this.capStart < 0 && this.atTarget() && c !== ']') {
        this.capStart = i;
        this.capDepth = this.stack.length;
        this.capScalar = c !== '{' && c !== '[';
      }
      if (c === '{' || c === '[') {
        if (this.stack.length === 0) {
          if (this.seenRoot) throw new SqlError('a JSON DOCUMENT holds one value');
          this.seenRoot = true;
        }
        this.stack.push({ array: c === '[', at: this.childAt(), index: 0, expectKey: c === '{', key: undefined });
        continue;
      }
      if (c === '}' || c === ']') {
        const closed = this.stack.pop();
        if (closed === undefined || closed.array !== (c === ']')) throw new SqlError('malformed JSON document');
        if (this.capStart >= 0 && !this.capScalar && this.stack.length === this.capDepth) {
          out.push(b.slice(this.capStart, i + 1));
          this.capStart = -1;
        }
        continue;
      }
      if (c === '"') {
        this.inString = true;
        this.strStart = i;
        continue;
      }
      if (this.stack.length === 0) throw new SqlError('the object is not a JSON document');
      // Other scalar characters (numbers, true, false, null) need no state.
    }
    // Keep only what is still needed: the element being read, or the member name being read.
    const cut = this.capStart >= 0 ? this.capStart : this.inString ? this.strStart : i;
    this.buf = b.slice(cut);
    this.i = i - cut;
    if (this.capStart >= 0) this.capStart -= cut;
    if (this.inString) this.strStart -= cut;
    return out;
  }

  end(): void {
    if (this.stack.length > 0 || this.inString) throw new SqlError('the JSON document ends early');
  }
}
