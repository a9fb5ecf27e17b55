// Service errors as the SDKs report them (spec §3.1): status, code, message, request id, EC, and the extra
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

function elements(xml: string): Record<string, string> {
  try {
    const doc = parseXml(xml);
    const error = doc.Error;
    if (error === null || typeof error !== 'object') return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(error as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch (err) {
    if (err instanceof XmlError) return {};
    throw err;
  }
}

const STATUS_CODES: Record<number, string> = { 304: 'NotModified', 404: 'NoSuchKey', 412: 'PreconditionFailed' };

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
