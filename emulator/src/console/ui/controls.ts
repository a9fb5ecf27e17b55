// Item 5: the clock offset and the fault rules, shown and editable through the admin API; and /-/reset.
import { field, h, show, table } from './dom.js';
import { admin } from './oss.js';

interface Rule { id: number; api: string; bucket?: string; key?: string; status?: number; code?: string; delayMs?: number; dropConnection?: boolean; remaining: number; hits: number }

/** What a rule does, in a few words: its error, delay or dropped connection. */
function effect(r: Rule): string {
  return [r.code ? `${r.status} ${r.code}` : '', r.delayMs ? `wait ${r.delayMs} ms` : '', r.dropConnection ? 'drop the connection' : ''].filter(Boolean).join(', ');
}

export async function controlsView(view: HTMLElement): Promise<void> {
  const [clock, faults] = await Promise.all([admin<{ now: string; offsetSeconds: number }>('GET', 'clock'), admin<{ rules: Rule[] }>('GET', 'faults')]);
  const out = h('div', { id: 'controls-result', 'aria-live': 'polite' });
  const report = (a: { status: number; text: string }) => {
    if (a.status >= 300) out.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('pre', {}, `${a.status}\n${a.text}`)));
    else void controlsView(view);
  };
  const offset = h('input', { name: 'offsetSeconds', type: 'number', value: clock.json?.offsetSeconds ?? 0 }) as HTMLInputElement;
  const clockForm = h('form', { 'aria-label': 'Clock' }, h('fieldset', {}, h('legend', {}, 'Clock'),
    h('p', {}, `Emulator time: ${clock.json?.now ?? '?'}`), field('Offset (seconds)', offset), h('button', { type: 'submit' }, 'Set')));
  clockForm.addEventListener('submit', async (e) => { e.preventDefault(); report(await admin('PUT', 'clock', { offsetSeconds: Number(offset.value) })); });
  const rule = h('textarea', { name: 'rule', rows: 4, cols: 60, placeholder: '{"api": "PutObject", "code": "SlowDown", "status": 503, "count": 2}' }) as HTMLTextAreaElement;
  const add = h('form', { 'aria-label': 'Add fault rule' }, field('New rule (JSON)', rule), h('button', { type: 'submit' }, 'Add rule'));
  add.addEventListener('submit', async (e) => {
    e.preventDefault();
    let parsed: unknown;
    try { parsed = JSON.parse(rule.value); } catch (err) { out.replaceChildren(h('div', { class: 'error', role: 'alert' }, (err as Error).message)); return; }
    report(await admin('POST', 'faults', parsed));
  });
  const rules = faults.json?.rules ?? [];
  const rows = rules.map((r) => {
    const remove = h('button', { type: 'button', class: 'danger', 'aria-label': `Remove rule ${r.id}` }, 'Remove');
    remove.addEventListener('click', async () => report(await admin('DELETE', `faults/${r.id}`)));
    return [String(r.id), r.api, r.bucket ?? '', r.key ?? '', effect(r), String(r.remaining), String(r.hits), remove];
  });
  const clear = h('button', { type: 'button', class: 'danger' }, 'Remove every rule');
  clear.addEventListener('click', async () => report(await admin('DELETE', 'faults')));
  const reset = h('button', { type: 'button', class: 'danger' }, 'Reset the emulator (every bucket and object)');
  reset.addEventListener('click', async () => report(await admin('POST', 'reset')));
  show(view, h('h2', {}, 'Clock & faults'), out, clockForm,
    h('section', {}, h('h3', {}, 'Fault rules'), rules.length ? table(`${rules.length} live rule(s), applied in this order`, ['Id', 'API', 'Bucket', 'Key', 'Effect', 'Remaining', 'Hits', ''], rows, { id: 'faults' })
      : h('p', { id: 'faults' }, 'No fault rules: every request is served normally.'), add, clear),
    h('section', {}, h('h3', {}, 'Reset'), reset));
}
