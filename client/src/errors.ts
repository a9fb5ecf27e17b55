// Service errors as the SDKs report them (behaviour §3.1): status, code, message, request id, EC, and the extra
// elements some errors carry. HEAD answers have no body, so their error comes from the x-oss-err header
// (base64 of the XML document), as PY2 `_client.py::_to_service_error` and ali-oss read it.
import { parseXml, XmlError } from './xml.js';

export class OssServiceError extends Error {
  override name = 'OssServiceError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string,
    readonly headers: Record<string, string>,
    readonly ec?: string,
    readonly hostId?: string,
    /** Every element of the <Error> document, including Code and Message. */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A client-side check failed: the CRC-64 computed over the bytes differs from x-oss-hash-crc64ecma. */
export class InconsistentCrcError extends Error {
  override name = 'InconsistentCrcError';

  constructor(
    readonly clientCrc: string,
    readonly serverCrc: string,
    readonly requestId?: string,
  ) {
    super(`crc is inconsistent, client crc: ${clientCrc}, server crc: ${serverCrc}`);
  }
}

/**
 * The child elements of an `<Error>` document. As PY2 `_to_service_error` does, a body that does not parse but
 * still holds `<Error>…</Error>` gives up its Code and Message by pattern; any other body gives nothing.
 */
function elements(xml: string): Record<string, string> {
  let doc: Record<string, unknown>;
  try {
    doc = parseXml(xml);
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    if (!xml.includes('<Error>') || !xml.includes('</Error>')) return {};
    const out: Record<string, string> = {};
    const code = /<Code>(.*?)<\/Code>/.exec(xml)?.[1];
    const message = /<Message>(.*?)<\/Message>/.exec(xml)?.[1];
    if (code !== undefined) out.Code = code;
    if (message !== undefined) out.Message = message;
    return out;
  }
  const error = doc.Error;
  if (error === null || typeof error !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(error as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * Codes for an error answer without a readable document, the way ali-oss names a body-less 404 and 412 (spec
 * §3.1); anything else is PY2's `BadErrorResponse`.
 */
const STATUS_CODES: Record<number, string> = { 304: 'NotModified', 404: 'NoSuchKey', 412: 'PreconditionFailed' };

/** The service error of a non-2xx answer; a body-less (HEAD) answer's document comes from x-oss-err. */
export function parseErrorResponse(status: number, headers: Record<string, string>, body: string): OssServiceError {
  let xml = body;
  if (xml.trim() === '' && headers['x-oss-err']) xml = Buffer.from(headers['x-oss-err'], 'base64').toString('utf8');
  const e = elements(xml);
  const code = e.Code ?? STATUS_CODES[status] ?? 'BadErrorResponse';
  const message = e.Message ?? (xml.trim() === '' ? `HTTP ${status} without a body` : xml.slice(0, 200));
  return new OssServiceError(
    status,
    code,
    message,
    e.RequestId ?? headers['x-oss-request-id'] ?? '',
    headers,
    e.EC ?? headers['x-oss-ec'],
    e.HostId,
    e,
  );
}
