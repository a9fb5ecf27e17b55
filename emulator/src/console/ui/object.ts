// Items 3 and 4: one object's headers, metadata, tags, ACL, retention, legal hold, restore state and symlink
// target; download, preview, delete (a version); and CopyObject from the page with OSS's answer shown as given.
import { field, h, select, show, table } from './dom.js';
import { all, errorBox, oss, ossPath, proxied, query, text1, type OssAnswer } from './oss.js';

function answerPart(title: string, a: OssAnswer, render: (a: OssAnswer) => HTMLElement | string): HTMLElement {
  return h('section', {}, h('h3', {}, title), a.error ? h('p', {}, `${a.status} ${a.error.code}`) : render(a));
}

/** CopyObject, from this object (or whichever source the form is given) to any destination. */
function copyForm(bucket: string, key: string, versionId: string | undefined): HTMLElement {
  const srcBucket = h('input', { name: 'srcBucket', value: bucket, required: true }) as HTMLInputElement;
  const srcKey = h('input', { name: 'srcKey', value: key, required: true }) as HTMLInputElement;
  const srcVersion = h('input', { name: 'srcVersion', value: versionId ?? '', placeholder: 'the current one' }) as HTMLInputElement;
  const destBucket = h('input', { name: 'destBucket', value: bucket, required: true }) as HTMLInputElement;
  const destKey = h('input', { name: 'destKey', value: `${key}.copy`, required: true }) as HTMLInputElement;
  const metaDirective = select('metadataDirective', ['COPY', 'REPLACE']);
  const meta = h('textarea', { name: 'metadata', rows: 2, cols: 40, placeholder: 'name: value, one a line' }) as HTMLTextAreaElement;
  const tagDirective = select('taggingDirective', ['Copy', 'Replace']);
  const tags = h('input', { name: 'tagging', placeholder: 'k1=v1&k2=v2' }) as HTMLInputElement;
  const forbid = h('input', { type: 'checkbox', name: 'forbidOverwrite' }) as HTMLInputElement;
  const storage = select('storageClass', ['', 'Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive']);
  const sse = select('encryption', ['', 'AES256', 'KMS', 'SM4']);
  const result = h('div', { id: 'copy-result', 'aria-live': 'polite' });
  const form = h('form', { 'aria-label': 'Copy object' }, h('fieldset', {}, h('legend', {}, 'Copy this object'),
    field('Source bucket', srcBucket), field('Source key', srcKey), field('Source version', srcVersion), h('br'),
    field('Destination bucket', destBucket), field('Destination key', destKey), h('br'),
    field('Metadata directive', metaDirective), field('New metadata', meta), h('br'),
    field('Tagging directive', tagDirective), field('New tags', tags), h('br'),
    field('Forbid overwrite', forbid), field('Storage class', storage), field('Encryption', sse),
    h('button', { type: 'submit' }, 'Copy')), result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const headers: Record<string, string> = {
      'x-oss-copy-source': `/${srcBucket.value}/${encodeURIComponent(srcKey.value)}${srcVersion.value ? `?versionId=${encodeURIComponent(srcVersion.value)}` : ''}`,
      'x-oss-metadata-directive': metaDirective.value,
      'x-oss-tagging-directive': tagDirective.value,
    };
    for (const line of meta.value.split('\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[`x-oss-meta-${line.slice(0, i).trim().toLowerCase()}`] = line.slice(i + 1).trim();
    }
    if (tags.value) headers['x-oss-tagging'] = tags.value;
    if (forbid.checked) headers['x-oss-forbid-overwrite'] = 'true';
    if (storage.value) headers['x-oss-storage-class'] = storage.value;
    if (sse.value) headers['x-oss-server-side-encryption'] = sse.value;
    const a = await oss('PUT', ossPath(destBucket.value, destKey.value), '', headers);
    if (a.error) return result.replaceChildren(errorBox(a));
    const dest = new URLSearchParams({ key: destKey.value, ...(a.headers.get('x-oss-version-id') ? { versionId: a.headers.get('x-oss-version-id')! } : {}) });
    result.replaceChildren(h('div', { class: 'ok', role: 'status' }, h('p', {}, `${a.status} copied: `,
      h('a', { href: `#/o/${encodeURIComponent(destBucket.value)}?${dest}` }, `/${destBucket.value}/${destKey.value}`)), h('pre', {}, a.text)));
  });
  return form;
}

/** The first 64 KiB; an object GetObject refuses (an Archive one not restored: 403 InvalidObjectState) shows why. */
async function textPreview(bucket: string, key: string, v: string): Promise<HTMLElement> {
  const a = await oss('GET', ossPath(bucket, key), v, { range: 'bytes=0-65535' });
  return a.error ? errorBox(a) : h('pre', { id: 'preview' }, a.text);
}

export async function objectView(view: HTMLElement, bucket: string, key: string, versionId?: string): Promise<void> {
  const v = query({ versionId });
  const head = await oss('HEAD', ossPath(bucket, key), v);
  const title = h('h2', {}, `/${bucket}/${key}`, versionId ? ` (version ${versionId})` : '');
  const back = h('p', {}, h('a', { href: `#/b/${encodeURIComponent(bucket)}?prefix=${encodeURIComponent(key.replace(/[^/]*$/, ''))}` }, 'Back to the bucket'));
  if (head.error) return show(view, title, back, errorBox(head));
  const headers = [...head.headers.entries()];
  const meta = headers.filter(([n]) => n.startsWith('x-oss-meta-')).map(([n, val]) => [n.slice(11), val]);
  const sub = (s: string) => oss('GET', ossPath(bucket, key), `?${s}${versionId ? `&versionId=${encodeURIComponent(versionId)}` : ''}`);
  const [tags, acl, retention, hold] = await Promise.all([sub('tagging'), sub('acl'), sub('retention'), sub('legalHold')]);
  const isSymlink = head.headers.get('x-oss-object-type') === 'Symlink';
  const symlink = isSymlink ? await sub('symlink') : undefined;
  const type = head.headers.get('content-type') ?? '';
  const url = proxied(ossPath(bucket, key), v);
  const preview = type.startsWith('image/') ? h('img', { id: 'preview', class: 'preview', src: url, alt: `Preview of ${key}` })
    : /^(text\/|application\/(json|xml))/.test(type) ? await textPreview(bucket, key, v) : h('p', {}, 'No preview for this type.');
  const result = h('div', { id: 'delete-result' });
  const del = h('button', { type: 'button', class: 'danger' }, versionId ? 'Delete this version' : 'Delete');
  del.addEventListener('click', async () => {
    const a = await oss('DELETE', ossPath(bucket, key), v);
    if (a.error) result.replaceChildren(errorBox(a));
    else result.replaceChildren(h('p', { class: 'ok', role: 'status' }, `${a.status} deleted`, a.headers.get('x-oss-delete-marker') ? ' (a delete marker was added)' : ''));
  });
  show(view, title, back,
    h('p', {}, h('a', { href: proxied(ossPath(bucket, key), query({ versionId, 'response-content-disposition': 'attachment' })), download: key.split('/').pop() ?? key }, 'Download'), ' ', del), result,
    table('Every header OSS returned', ['Header', 'Value'], headers.map(([n, val]) => [h('code', {}, n), h('code', {}, val)]), { id: 'headers' }),
    table('User metadata', ['Name', 'Value'], meta, { id: 'metadata' }),
    answerPart('Tags', tags, (a) => table('Tags', ['Key', 'Value'], all(a.xml, 'Tag').map((t) => [text1(t, 'Key'), text1(t, 'Value')]), { id: 'tags' })),
    answerPart('ACL', acl, (a) => text1(a.xml, 'Grant')),
    answerPart('Retention', retention, (a) => {
      const mode = text1(a.xml, 'Mode').trim();
      const until = text1(a.xml, 'RetainUntilDate').trim();
      return mode && until ? `${mode} until ${until}` : 'none';
    }),
    answerPart('Legal hold', hold, (a) => text1(a.xml, 'Status')),
    h('section', {}, h('h3', {}, 'Restore state'), head.headers.get('x-oss-restore') ?? 'not restored (no x-oss-restore header)'),
    symlink ? answerPart('Symlink target', symlink, (a) => decodeURIComponent(a.headers.get('x-oss-symlink-target') ?? '')) : null,
    h('section', {}, h('h3', {}, 'Preview'), preview),
    copyForm(bucket, key, versionId));
}
