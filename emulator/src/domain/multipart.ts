// Multipart rules over plain data (behaviour §9.8): part numbers, the Complete part list, the object's ETag.
import { createHash } from 'node:crypto';
import { OssError, invalidArgument } from './errors.js';

export const MAX_PART_NUMBER = 10_000;
/** Every part but the last must be at least 100 KiB (GO2 MinPartSize), checked at Complete. */
export const MIN_PART_SIZE = 100 * 1024;
/** Largest part (GO2 MaxPartSize). */
export const MAX_PART_SIZE = 5 * 1024 ** 3;

/**
 * The ECs multipart errors carry per API (the catalogue keeps each code's generic one). NoSuchUpload: the Python
 * SDK v2 and Go SDK v2 integration suites (sdk-suites-2026-12-01). Complete: Go SDK v2
 * testMockCompleteMultipartUploadErrorCases (MalformedXML 0042-00000205, request 655D94CCD11E55313348****;
 * complete-all with a body 0042-00000216, request 655D9598CA31DC313626****); forbid-overwrite: EC page
 * 0042-00000214. UploadPartCopy's copy source without a leading `/`: EC page 0042-00000301.
 */
export const MULTIPART_EC = {
  noSuchUpload: {
    UploadPart: '0042-00000104',
    UploadPartCopy: '0042-00000311',
    AbortMultipartUpload: '0042-00000002',
    ListParts: '0042-00000002',
    CompleteMultipartUpload: '0042-00000216',
  },
  completeMalformedXml: '0042-00000205',
  completeAllWithBody: '0042-00000216',
  completeForbidOverwrite: '0042-00000214',
  partCopySource: '0042-00000301',
} as const;

/** ArgumentName `PartNumber` and EC 0017-00000220 as in DOCS (help.aliyun.com/en/oss/user-guide/0017-00000220). */
export function parsePartNumber(value: string | undefined): number {
  if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > MAX_PART_NUMBER) {
    throw invalidArgument('InvalidArgumentPartNumber', 'PartNumber', value);
  }
  return Number(value);
}

/**
 * A sequential upload (`POST ?uploads&sequential`, behaviour §9.15) takes its parts in order: part N is accepted once
 * part N-1 is stored, so a part may be sent again (N ≤ highest) or follow the highest (N = highest + 1), never skip
 * ahead. oss2 tests/test_upload.py::test_upload_sequenial expects PartNotSequential when six threads upload one
 * sequential upload's parts at once; which part numbers OSS accepts exactly is not captured [I].
 */
export function checkSequentialPart(partNumber: number, highestStored: number): void {
  if (partNumber > highestStored + 1) throw new OssError('PartNotSequential', { PartNumber: String(partNumber) });
}

export interface RequestedPart {
  partNumber: number;
  etag: string; // as sent, quotes stripped
}

export interface StoredPart {
  partNumber: number;
  etag: string;
  size: number;
}

function unquote(etag: string): string {
  return etag.trim().replace(/^"(.*)"$/, '$1');
}

/** The <Part> list of a CompleteMultipartUpload body, already parsed. */
export function requestedParts(doc: Record<string, unknown> | undefined): RequestedPart[] {
  const malformed = () => new OssError('MalformedXML', {}, MULTIPART_EC.completeMalformedXml);
  const root = doc?.CompleteMultipartUpload;
  // An empty <CompleteMultipartUpload></CompleteMultipartUpload> lists no part and completes a 0-byte object: the
  // Go SDK v2 Uploader sends it for an empty stream and real OSS accepts it (sdk-suites-2026-12-01).
  if (root === '') return [];
  if (root === undefined || root === null || typeof root !== 'object') throw malformed();
  const raw = (root as Record<string, unknown>).Part;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw malformed(); // other elements but no <Part>
  return list.map((p) => {
    const part = p as Record<string, unknown>;
    if (part === null || typeof part !== 'object' || typeof part.PartNumber !== 'string' || typeof part.ETag !== 'string') {
      throw malformed();
    }
    if (!/^\d{1,5}$/.test(part.PartNumber)) throw malformed();
    return { partNumber: Number(part.PartNumber), etag: unquote(part.ETag) };
  });
}

/** Checks a Complete request against the stored parts and returns the parts to join, in order. */
export function selectParts(requested: RequestedPart[], stored: StoredPart[]): StoredPart[] {
  const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
  const chosen: StoredPart[] = [];
  let last = 0;
  for (const r of requested) {
    if (r.partNumber <= last) throw new OssError('InvalidPartOrder');
    last = r.partNumber;
    const part = byNumber.get(r.partNumber);
    if (part === undefined || part.etag.toUpperCase() !== r.etag.toUpperCase()) {
      throw new OssError('InvalidPart', { PartNumber: String(r.partNumber), ETag: r.etag });
    }
    chosen.push(part);
  }
  checkSizes(chosen);
  return chosen;
}

export function checkSizes(parts: StoredPart[]): void {
  parts.slice(0, -1).forEach((p) => {
    if (p.size < MIN_PART_SIZE) {
      throw new OssError('EntityTooSmall', { ProposedSize: String(p.size), MinSizeAllowed: String(MIN_PART_SIZE), PartNumber: String(p.partNumber) });
    }
  });
}

/**
 * `<MD5 of the concatenated binary part MD5s>-<count>`, upper-case (S3 convention; OSS's derivation is [I]). With no
 * part (an empty Complete) that is `D41D8CD98F00B204E9800998ECF8427E-0`: what OSS answers there is uncaptured [U],
 * for the conformance suite to record.
 */
export function multipartEtag(parts: Pick<StoredPart, 'etag'>[]): string {
  const hash = createHash('md5');
  for (const p of parts) hash.update(Buffer.from(/^[0-9A-Fa-f]{32}$/.test(p.etag) ? p.etag : createHash('md5').update(p.etag).digest('hex'), 'hex'));
  return `${hash.digest('hex').toUpperCase()}-${parts.length}`;
}

/**
 * x-oss-copy-source-range: `bytes=first-last`, or `bytes=first-` to the end of the source (oss2 live
 * tests/test_multipart.py test_upload_part_copy copies `bytes=102400-` of a 204800-byte source as its second half;
 * docs/sdk-suites.md D3); absent or invalid → the whole source (behaviour §9.8).
 */
export function copySourceRange(header: string | undefined, size: number): { start: number; end: number } {
  const m = header === undefined ? null : /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (m === null) return { start: 0, end: size };
  const first = Number(m[1]);
  const last = m[2] === '' ? size - 1 : Number(m[2]);
  if (first > last || last >= size) return { start: 0, end: size };
  return { start: first, end: last + 1 };
}
