// The console's two doors (issue 24): the OSS API through the signing proxy at /-/console/oss (console/serve.ts),
// and the admin API under /-/. Nothing else reads or changes state.
import { h } from './dom.js';

export interface OssAnswer {
  status: number;
  headers: Headers;
  text: string;
  xml: Document | null;
  /** The OSS error document's Code/Message/EC, when the answer is one. */
  error: { code: string; message: string; ec: string } | null;
}

/** `/bucket/key` with each segment percent-encoded (slashes of the key kept). */
export function ossPath(bucket?: string, key?: string): string {
  if (bucket === undefined) return '/';
  return `/${encodeURIComponent(bucket)}/` + (key === undefined ? '' : key.split('/').map(encodeURIComponent).join('/'));
}

export function query(params: Record<string, string | undefined | null>): string {
  const parts = Object.entries(params).filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => (v === '' ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v!)}`));
  return parts.length ? `?${parts.join('&')}` : '';
}

export function proxied(path: string, q = ''): string {
  return `/-/console/oss${path}${q}`;
}

export async function oss(method: string, path: string, q = '', headers: Record<string, string> = {}, body?: BodyInit): Promise<OssAnswer> {
  const res = await fetch(proxied(path, q), { method, headers, ...(body !== undefined ? { body } : {}) });
  // A refused HEAD has no body: OSS puts its error document, base64, in x-oss-err instead.
  const err = res.status >= 300 ? res.headers.get('x-oss-err') : null;
  const text = method === 'HEAD' ? (err ? new TextDecoder().decode(Uint8Array.from(atob(err), (ch) => ch.charCodeAt(0))) : '') : await res.text();
  const isXml = /xml/.test(res.headers.get('content-type') ?? '') || text.startsWith('<?xml');
  const xml = isXml && text ? new DOMParser().parseFromString(text, 'application/xml') : null;
  let error: OssAnswer['error'] = null;
  if (res.status >= 300) {
    const root = xml?.documentElement;
    error = {
      code: root?.nodeName === 'Error' ? text1(root, 'Code') : String(res.status),
      message: root?.nodeName === 'Error' ? text1(root, 'Message') : '',
      ec: (root?.nodeName === 'Error' ? text1(root, 'EC') : '') || (res.headers.get('x-oss-ec') ?? ''),
    };
  }
  return { status: res.status, headers: res.headers, text, xml, error };
}

export function text1(el: Element | Document | null | undefined, tag: string): string {
  return el?.getElementsByTagName(tag)[0]?.textContent ?? '';
}

export function all(el: Element | Document | null | undefined, tag: string): Element[] {
  return el ? [...el.getElementsByTagName(tag)] : [];
}

export async function admin<T>(method: string, name: string, body?: unknown): Promise<{ status: number; json: T | null; text: string }> {
  const res = await fetch(`/-/${name}`, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
  const text = await res.text();
  let json: T | null = null;
  try { json = text ? (JSON.parse(text) as T) : null; } catch { json = null; }
  return { status: res.status, json, text };
}

/** OSS's error as it answered: status, Code, Message, EC and the document itself. */
export function errorBox(a: OssAnswer | { status: number; text: string; error?: OssAnswer['error'] }): HTMLElement {
  const e = 'error' in a ? a.error : null;
  return h('div', { class: 'error', role: 'alert' },
    h('p', {}, h('strong', {}, `${a.status} ${e?.code ?? ''}`), e?.message ? ` — ${e.message}` : '', e?.ec ? ` (EC ${e.ec})` : ''),
    a.text ? h('pre', {}, a.text) : null);
}
