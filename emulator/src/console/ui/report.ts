// Item 6: a conformance JSON report (conformance/src/report/files.ts jsonReport: target, results, comparison)
// as a scenario × driver table, each cell with its differences from the recording.
import { dropZone, h, show } from './dom.js';

interface Result { scenario: string; title: string; driver: string; status: string; reason?: string }
interface Difference { scenario: string; driver: string; path: string; recorded: unknown; actual: unknown }
interface Report { target?: { name?: string; endpoint?: string }; results?: Result[]; comparison?: { differences: Difference[] } }

function render(out: HTMLElement, report: Report): void {
  const results = report.results ?? [];
  const drivers = [...new Set(results.map((r) => r.driver))];
  const scenarios = [...new Set(results.map((r) => r.scenario))];
  const diffs = report.comparison?.differences ?? [];
  const rows = scenarios.map((s) => h('tr', {}, h('th', { scope: 'row' }, s, ' ', h('small', {}, results.find((r) => r.scenario === s)?.title ?? '')),
    drivers.map((d) => {
      const r = results.find((x) => x.scenario === s && x.driver === d);
      const mine = diffs.filter((x) => x.scenario === s && x.driver === d);
      return h('td', {}, r ? h('span', { class: r.status === 'skip' ? 'skip-status' : r.status }, r.status) : '', r?.reason ? h('div', {}, r.reason) : null,
        mine.length ? h('ul', {}, mine.map((x) => h('li', {}, h('code', {}, x.path), `: recorded ${JSON.stringify(x.recorded)}, actual ${JSON.stringify(x.actual)}`))) : null);
    })));
  out.replaceChildren(h('p', {}, `Target ${report.target?.name ?? '?'} (${report.target?.endpoint ?? ''}): ${results.length} results, ${diffs.length} difference(s)`),
    h('table', { id: 'report' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Scenario'), drivers.map((d) => h('th', { scope: 'col' }, d)))), h('tbody', {}, rows)));
}

export function reportView(view: HTMLElement): void {
  const out = h('div', { 'aria-live': 'polite' });
  show(view, h('h2', {}, 'Conformance report'), dropZone('Drop a conformance JSON report here', async (files) => {
    const f = files[0];
    if (!f) return;
    try { render(out, JSON.parse(await f.text()) as Report); } catch (err) { out.replaceChildren(h('div', { class: 'error', role: 'alert' }, (err as Error).message)); }
  }, 'application/json,.json'), out);
}
