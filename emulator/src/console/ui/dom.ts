// A small element builder for the console's views (browser code; compiled by tsc into dist/console/ui).

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
  }
  return el;
}

/** A table with a header row; each row a list of cells. */
export function table(caption: string, head: string[], rows: Child[][], attrs: Attrs = {}): HTMLElement {
  return h('table', attrs, h('caption', {}, caption), h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))));
}

/** A labelled control: the label wraps it, so screen readers and clicks find it. */
export function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', {}, label + ' ', control);
}

export function select(name: string, options: string[], value = options[0]): HTMLSelectElement {
  return h('select', { name }, options.map((o) => h('option', { value: o, selected: o === value }, o || '(none)'))) as HTMLSelectElement;
}

export function show(view: HTMLElement, ...content: Child[]): void {
  view.replaceChildren(...content.filter((c): c is Node | string => c !== null && c !== undefined && c !== false).map((c) => (typeof c === 'number' ? String(c) : c)));
}

/** Drag-and-drop plus a keyboard-reachable file input doing the same. */
export function dropZone(label: string, onFiles: (files: File[]) => void, accept?: string): HTMLElement {
  const input = h('input', { type: 'file', multiple: true, ...(accept ? { accept } : {}) }) as HTMLInputElement;
  input.addEventListener('change', () => onFiles([...(input.files ?? [])]));
  const zone = h('div', { class: 'drop' }, h('p', {}, label), field('Or choose a file:', input));
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    onFiles([...((e as DragEvent).dataTransfer?.files ?? [])]);
  });
  return zone;
}

export function formatSize(n: number): string {
  if (!Number.isFinite(n)) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${i === 0 ? n : n.toFixed(1)} ${units[i]}`;
}
