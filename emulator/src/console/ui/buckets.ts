// Item 1: buckets with region, creation date, versioning, WORM state, ACL, tags, object count and size.
import { field, formatSize, h, select, show, table } from './dom.js';
import { all, errorBox, oss, ossPath, text1 } from './oss.js';

async function details(name: string): Promise<HTMLElement[]> {
  const [info, tags, stat, worm] = await Promise.all([
    oss('GET', ossPath(name), '?bucketInfo'), oss('GET', ossPath(name), '?tagging'),
    oss('GET', ossPath(name), '?stat'), oss('GET', ossPath(name), '?worm'),
  ]);
  const tagText = all(tags.xml, 'Tag').map((t) => `${text1(t, 'Key')}=${text1(t, 'Value')}`).join(', ');
  const wormText = worm.status === 200 ? `${text1(worm.xml, 'State')} (${text1(worm.xml, 'RetentionPeriodInDays')} days)` : 'none';
  return [
    h('a', { href: `#/b/${encodeURIComponent(name)}` }, name),
    text1(info.xml, 'Location'), text1(info.xml, 'CreationDate'), text1(info.xml, 'Versioning') || 'never enabled',
    wormText, text1(info.xml, 'Grant'), tagText,
    text1(stat.xml, 'ObjectCount'), formatSize(Number(text1(stat.xml, 'Storage'))),
  ].map((c) => (typeof c === 'string' ? h('span', {}, c) : c));
}

export async function bucketsView(view: HTMLElement): Promise<void> {
  const list = await oss('GET', '/');
  if (list.error) return show(view, h('h2', {}, 'Buckets'), errorBox(list));
  const names = all(list.xml, 'Bucket').map((b) => text1(b, 'Name'));
  const rows = await Promise.all(names.map(async (n) => {
    const del = h('button', { class: 'danger', type: 'button', 'aria-label': `Delete bucket ${n}` }, 'Delete');
    del.addEventListener('click', async () => {
      const a = await oss('DELETE', ossPath(n));
      if (a.error) out.replaceChildren(errorBox(a)); else void bucketsView(view);
    });
    return [...(await details(n)), del];
  }));
  const out = h('div', { id: 'bucket-result' });
  // No pattern of our own: the name rule has one home (the emulator's), and its refusal is shown as OSS gives it.
  const name = h('input', { name: 'name', required: true }) as HTMLInputElement;
  const acl = select('acl', ['', 'private', 'public-read', 'public-read-write']);
  const storage = select('storageClass', ['', 'Standard', 'IA', 'Archive', 'ColdArchive']);
  const form = h('form', { 'aria-label': 'Create bucket' }, h('fieldset', {}, h('legend', {}, 'Create a bucket'),
    field('Name', name), field('ACL', acl), field('Storage class', storage), h('button', { type: 'submit' }, 'Create')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = storage.value ? `<CreateBucketConfiguration><StorageClass>${storage.value}</StorageClass></CreateBucketConfiguration>` : undefined;
    const a = await oss('PUT', ossPath(name.value), '', acl.value ? { 'x-oss-acl': acl.value } : {}, body);
    if (a.error) out.replaceChildren(errorBox(a)); else void bucketsView(view);
  });
  show(view, h('h2', {}, 'Buckets'), form, out,
    table(`${names.length} bucket(s)`, ['Name', 'Region', 'Created', 'Versioning', 'WORM', 'ACL', 'Tags', 'Objects', 'Size', ''], rows, { id: 'buckets' }));
}
