// What every API family's operations share: the transport with the client's CRC setting, and reading answers.
import { createHash } from 'node:crypto';
import { crc64 } from '../crc64.js';
import { InconsistentCrcError, parseErrorResponse } from '../errors.js';
import { parseXml } from '../xml.js';
import { Transport, readText, type Body, type TransportOptions, type WireRequest, type WireResponse } from '../transport.js';
import type * as M from '../models/index.js';

export type Node = Record<string, unknown>;

/** A request's query: sub-resource or parameter names, each with its value (undefined: the name alone). */
export type Query = [string, string | undefined][];

/** The client's connection: requests go out through it, and its options say whether CRC-64 is compared. */
export class Wire {
  private readonly transport: Transport;

  constructor(private readonly options: TransportOptions & { disableCrcCheck?: boolean }) {
    this.transport = new Transport(options);
  }

  /** Whether uploads and full downloads have their CRC-64 compared (PY2 `disable_upload_crc64_check` unset). */
  get crcCheck(): boolean {
    return !this.options.disableCrcCheck;
  }

  send(req: WireRequest, stream = false): Promise<WireResponse> {
    return this.transport.send(req, stream);
  }

  presign(req: WireRequest, expiresSeconds: number): ReturnType<Transport['presign']> {
    return this.transport.presign(req, expiresSeconds);
  }

  presignPost(input: Parameters<Transport['presignPost']>[0]): ReturnType<Transport['presignPost']> {
    return this.transport.presignPost(input);
  }

  async xml(res: WireResponse): Promise<Node> {
    const text = await readText(res.body);
    return text === '' ? {} : parseXml(text);
  }

  /**
   * The answer of an upload that asked for a callback (PY2 deserialize_output_callbackbody): the callback server's
   * JSON body; a 203 is OSS's CallbackFailed (the object was stored, the callback was not answered), thrown as the
   * error it describes, as ali-oss and GO2 do.
   */
  async callbackResult(res: WireResponse): Promise<Record<string, unknown>> {
    const text = await readText(res.body);
    if (res.status === 203) throw parseErrorResponse(203, res.headers, text);
    try {
      const v: unknown = JSON.parse(text);
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
    } catch {
      return {};
    }
  }

  /** Compares the CRC-64 the server computed of an upload with the body's own (bodies held in memory only). */
  checkCrc(body: Body | undefined, res: WireResponse): void {
    if (!this.crcCheck || body === undefined || !(typeof body === 'string' || body instanceof Uint8Array)) return;
    const server = res.headers['x-oss-hash-crc64ecma'];
    const client = crc64(body).toString();
    if (server !== undefined && server !== client) throw new InconsistentCrcError(client, server, res.requestId);
  }
}

export function str(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const v = (node as Node)[name];
  return typeof v === 'string' ? v : undefined;
}
export const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
export const bool = (v: string | undefined) => (v === undefined ? undefined : v === 'true');
export const date = (v: string | undefined) => (v === undefined ? undefined : new Date(v));
export const decode = (v: string | undefined, enc: string | undefined) =>
  v === undefined || enc !== 'url' ? v : decodeURIComponent(v);

export function base(res: WireResponse): M.ResultBase {
  return { statusCode: res.status, requestId: res.requestId, headers: res.headers };
}

/** An `<Owner>` element's fields (the element itself when it is absent or empty). */
export function owner(node: Node | undefined): M.Owner | undefined {
  return node && { id: str(node, 'ID'), displayName: str(node, 'DisplayName') };
}

/** The Content-MD5 header of an XML request body. */
export function md5(body: string): string {
  return createHash('md5').update(body).digest('base64');
}

/** Parameters in order, leaving out those not given (numbers and booleans as text). */
export function given(params: [string, string | number | boolean | undefined][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of params) if (value !== undefined) out.push([name, String(value)]);
  return out;
}

/** An object sub-resource (`?acl`, `?tagging` …) of one version, or of the current one without `versionId`. */
export function subresource(name: string, versionId: string | undefined): Query {
  const query: Query = [[name, undefined]];
  if (versionId !== undefined) query.push(['versionId', versionId]);
  return query;
}
