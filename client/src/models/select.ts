// SelectObject / CreateSelectObjectMeta models, named after PY2 models/select_object.py in camelCase. Delimiters,
// quote and comment characters and the expression are base64, as PY2 sends them (its suite encodes them itself).
import type { Readable } from 'node:stream';
import type { ResultBase } from './common.js';
import type { ObjectTarget } from './object.js';

export interface CSVInput {
  fileHeaderInfo?: 'Use' | 'Ignore' | 'None' | string;
  recordDelimiter?: string;
  fieldDelimiter?: string;
  quoteCharacter?: string;
  commentCharacter?: string;
  range?: string;
  allowQuotedRecordDelimiter?: boolean;
}

export interface JSONInput {
  type?: 'DOCUMENT' | 'LINES' | string;
  range?: string;
  parseJsonNumberAsString?: boolean;
}

export interface InputSerialization {
  compressionType?: 'None' | 'GZIP' | string;
  csv?: CSVInput;
  json?: JSONInput;
}

export interface CSVOutput {
  recordDelimiter?: string;
  fieldDelimiter?: string;
  quoteCharacter?: string;
}

export interface JSONOutput {
  recordDelimiter?: string;
}

export interface OutputSerialization {
  csv?: CSVOutput;
  json?: JSONOutput;
  keepAllColumns?: boolean;
  outputHeader?: boolean;
  outputRawData?: boolean;
  enablePayloadCrc?: boolean;
}

export interface SelectRequestOptions {
  skipPartialDataRecord?: boolean;
  maxSkippedRecordsAllowed?: number;
}

export interface SelectRequest {
  expression: string;
  inputSerialization?: InputSerialization;
  outputSerialization?: OutputSerialization;
  options?: SelectRequestOptions;
}

export interface SelectObjectRequest extends ObjectTarget {
  /** `csv/select` or `json/select`. */
  process: string;
  selectRequest: SelectRequest;
}

export interface SelectObjectResult extends ResultBase {
  /** The selected rows, frames removed (or the raw body when the server answers x-oss-select-output-raw: true). */
  body: Readable;
  /** Reads the whole body; a failure reported in the end frame rejects. */
  content(): Promise<Buffer>;
}

export interface CSVMetaRequest {
  inputSerialization?: InputSerialization;
  overwriteIfExists?: boolean;
}

export type JSONMetaRequest = CSVMetaRequest;

export interface CreateSelectObjectMetaRequest extends ObjectTarget {
  /** `csv/meta` or `json/meta`. */
  process: string;
  selectMetaRequest: CSVMetaRequest | JSONMetaRequest;
}

export interface CreateSelectObjectMetaResult extends ResultBase {
  totalScannedBytes: number;
  splitsCount: number;
  rowsCount: number;
  colsCount: number;
}
