// Item 2: objects by prefix with folders (delimiter `/`), paging by continuation token, and the version list
// (versions and delete markers) when `versions` is set. Uploads land through PutObject.
import { dropZone, field, formatSize, h, show, table } from './dom.js';
import { all, errorBox, oss, ossPath, query, text1 } from './oss.js';

const PAGE = 100;

function link(bucket: string, p: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(p).filter(([, v]) => v !== undefined) as [string, string][]);
  return `#/b/${encodeURIComponent(bucket)}?${q}`;
}

function objectLink(bucket: string, key: string, versionId?: string): HTMLElement {
  const q = new URLSearchParams({ key, ...(versionId ? { versionId } : {}) });
  return h('a', { href: `#/o/${encodeURIComponent(bucket)}?${q}` }, key);
}

export async function objectsView(view: HTMLElement, bucket: string, params: URLSearchParams): Promise<void> {
  const prefix = params.get('prefix') ?? '';
  const versions = params.get('versions') === '1';
  const token = params.get('token') ?? undefined;
  const vinfo = await oss('GET', ossPath(bucket), '?versioning');
  const state = text1(vinfo.xml, 'Status') || 'never enabled';
  const out = h('div', { id: 'object-result' });

  const toggle = h('button', { type: 'button', class: 'secondary' }, state === 'Enabled' ? 'Suspend versioning' : 'Enable versioning');
  toggle.addEventListener('click', async () => {
    const a = await oss('PUT', ossPath(bucket), '?versioning', { 'content-type': 'application/xml' },
      `<VersioningConfiguration><Status>${state === 'Enabled' ? 'Suspended' : 'Enabled'}</Status></VersioningConfiguration>`);
    if (a.error) out.replaceChildren(errorBox(a)); else void objectsView(view, bucket, params);
  });

  const search = h('input', { name: 'prefix', value: prefix }) as HTMLInputElement;
  const form = h('form', { role: 'search', 'aria-label': 'Filter by prefix' }, field('Prefix', search), h('button', { type: 'submit' }, 'List'),
    h('a', { href: link(bucket, { prefix, ...(versions ? {} : { versions: '1' }) }) }, versions ? ' Show current objects' : ' Show versions'));
  form.addEventListener('submit', (e) => { e.preventDefault(); location.hash = link(bucket, { prefix: search.value, ...(versions ? { versions: '1' } : {}) }); });

  const upload = dropZone(`Drop files here to upload them under "${prefix}"`, async (files) => {
    for (const f of files) {
      const a = await oss('PUT', ossPath(bucket, prefix + f.name), '', { 'content-type': f.type || 'application/octet-stream' }, f);
      if (a.error) { out.replaceChildren(errorBox(a)); return; }
    }
    out.replaceChildren(h('p', { class: 'ok', role: 'status' }, `Uploaded ${files.map((f) => f.name).join(', ')}`));
    void objectsView(view, bucket, params);
  });

  let listing: HTMLElement;
  let next: string | undefined;
  if (versions) {
    const [km, vm] = (token ?? '\n').split('\n');
    const a = await oss('GET', ossPath(bucket), query({ versions: '', prefix, delimiter: '/', 'max-keys': String(PAGE), ...(token ? { 'key-marker': km, 'version-id-marker': vm } : {}) }));
    if (a.error) return show(view, errorBox(a));
    const root = a.xml!.documentElement;
    const rows = [...root.children].filter((c) => c.nodeName === 'Version' || c.nodeName === 'DeleteMarker').map((v) => [
      v.nodeName === 'Version' ? objectLink(bucket, text1(v, 'Key'), text1(v, 'VersionId')) : text1(v, 'Key'),
      v.nodeName === 'DeleteMarker' ? 'delete marker' : 'version', text1(v, 'VersionId'), text1(v, 'IsLatest'),
      text1(v, 'LastModified'), v.nodeName === 'Version' ? formatSize(Number(text1(v, 'Size'))) : '',
    ]);
    const folders = all(a.xml, 'CommonPrefixes').map((p) => [h('a', { href: link(bucket, { prefix: text1(p, 'Prefix'), versions: '1' }) }, text1(p, 'Prefix')), 'folder', '', '', '', '']);
    listing = table('Versions', ['Key', 'Kind', 'Version ID', 'Latest', 'Last modified', 'Size'], [...folders, ...rows], { id: 'versions' });
    if (text1(a.xml, 'IsTruncated') === 'true') next = `${text1(a.xml, 'NextKeyMarker')}\n${text1(a.xml, 'NextVersionIdMarker')}`;
  } else {
    const a = await oss('GET', ossPath(bucket), query({ 'list-type': '2', prefix, delimiter: '/', 'max-keys': String(PAGE), 'continuation-token': token }));
    if (a.error) return show(view, errorBox(a));
    const folders = all(a.xml, 'CommonPrefixes').map((p) => [h('a', { href: link(bucket, { prefix: text1(p, 'Prefix') }) }, text1(p, 'Prefix')), 'folder', '', '', '']);
    const rows = all(a.xml, 'Contents').map((c) => [objectLink(bucket, text1(c, 'Key')), text1(c, 'Type') || 'object',
      formatSize(Number(text1(c, 'Size'))), text1(c, 'StorageClass'), text1(c, 'LastModified')]);
    listing = table(`Keys ${text1(a.xml, 'KeyCount')} on this page`, ['Key', 'Type', 'Size', 'Storage class', 'Last modified'], [...folders, ...rows], { id: 'objects' });
    if (text1(a.xml, 'IsTruncated') === 'true') next = text1(a.xml, 'NextContinuationToken');
  }
  const pager = h('nav', { 'aria-label': 'Pages' },
    token ? h('a', { href: 'javascript:history.back()' }, 'Previous page ') : null,
    next ? h('a', { id: 'next-page', href: link(bucket, { prefix, token: next, ...(versions ? { versions: '1' } : {}) }) }, 'Next page') : null);
  const up = prefix ? prefix.replace(/[^/]*\/?$/, '') : undefined;
  show(view, h('h2', {}, `Bucket ${bucket}`), h('p', {}, `Versioning: ${state} `, toggle,
    up !== undefined ? h('a', { href: link(bucket, { prefix: up }) }, ` Up to "${up}"`) : null), form, upload, out, listing, pager);
}
