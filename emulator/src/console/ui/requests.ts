// Item 5: the request log (/-/requests) as a live table, filterable by API and status, each row opening its
// request and response headers.
import { field, h, show } from './dom.js';
import { admin } from './oss.js';

interface Logged { time: string; method: string; path: string; query: string; api: string | null; status: number; errorCode: string | null; requestId: string; requestHeaders?: Record<string, string>; responseHeaders?: Record<string, string> }

function headerList(title: string, headers: Record<string, string> = {}): HTMLElement {
  return h('div', {}, h('h4', {}, title), h('pre', {}, Object.entries(headers).map(([n, v]) => `${n}: ${v}`).join('\n')));
}

export async function requestsView(view: HTMLElement): Promise<() => void> {
  const api = h('input', { name: 'api', list: 'apis' }) as HTMLInputElement;
  const status = h('input', { name: 'status', size: 4, placeholder: '4xx' }) as HTMLInputElement;
  const live = h('input', { type: 'checkbox', name: 'live', checked: true }) as HTMLInputElement;
  const apis = h('datalist', { id: 'apis' });
  const body = h('tbody');
  let entries: Logged[] = [];
  const render = () => {
    const sx = status.value.trim().toLowerCase();
    const rows = entries.filter((e) => (!api.value || (e.api ?? '') === api.value)
      && (!sx || (sx.endsWith('xx') ? String(e.status)[0] === sx[0] : String(e.status) === sx)));
    body.replaceChildren(...rows.flatMap((e) => {
      const detail = h('tr', { hidden: true }, h('td', { colspan: 7 }, headerList('Request headers', e.requestHeaders), headerList('Response headers', e.responseHeaders)));
      const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, 'Headers');
      open.addEventListener('click', () => { detail.hidden = !detail.hidden; open.setAttribute('aria-expanded', String(!detail.hidden)); });
      return [h('tr', {}, [e.time, e.method, `${e.path}${e.query ? `?${e.query}` : ''}`, e.api ?? '', String(e.status), e.errorCode ?? ''].map((c) => h('td', {}, c)), h('td', {}, open)), detail];
    }));
    apis.replaceChildren(...[...new Set(entries.map((e) => e.api).filter(Boolean))].map((a) => h('option', { value: a! })));
  };
  const load = async () => {
    const a = await admin<{ requests: Logged[] }>('GET', 'requests?limit=500');
    const fresh = a.json?.requests ?? [];
    // Redrawn only when the log changed: a redraw replaces the rows, which would take keyboard focus and any
    // opened headers away every poll.
    if (fresh.length === entries.length && fresh[0]?.requestId === entries[0]?.requestId) return;
    entries = fresh;
    render();
  };
  api.addEventListener('input', render);
  status.addEventListener('input', render);
  show(view, h('h2', {}, 'Requests'), h('form', { 'aria-label': 'Filter requests' }, field('API', api), apis, field('Status', status), field('Live', live)),
    h('table', { id: 'requests' }, h('caption', {}, 'Newest first'), h('thead', {}, h('tr', {}, ['Time', 'Method', 'Path', 'API', 'Status', 'Error', ''].map((c) => h('th', { scope: 'col' }, c)))), body));
  await load();
  const timer = setInterval(() => { if (live.checked) void load(); }, 2000);
  return () => clearInterval(timer);
}
