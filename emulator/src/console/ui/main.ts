// The console's router: the hash names the view, so the back button and links work without a server round trip.
import { show } from './dom.js';
import { bucketsView } from './buckets.js';
import { objectsView } from './objects.js';
import { objectView } from './object.js';
import { requestsView } from './requests.js';
import { controlsView } from './controls.js';
import { reportView } from './report.js';

let stop: (() => void) | undefined;

async function route(): Promise<void> {
  stop?.();
  stop = undefined;
  const view = document.getElementById('view')!;
  const [path, q = ''] = location.hash.slice(1).split('?');
  const params = new URLSearchParams(q);
  const parts = (path ?? '').split('/').filter(Boolean).map(decodeURIComponent);
  for (const a of document.querySelectorAll('nav a')) {
    if (a.getAttribute('href') === `#/${parts[0] ?? 'buckets'}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  try {
    if (parts[0] === 'b' && parts[1]) await objectsView(view, parts[1], params);
    else if (parts[0] === 'o' && parts[1]) await objectView(view, parts[1], params.get('key') ?? '', params.get('versionId') ?? undefined);
    else if (parts[0] === 'requests') stop = await requestsView(view);
    else if (parts[0] === 'controls') await controlsView(view);
    else if (parts[0] === 'report') reportView(view);
    else await bucketsView(view);
  } catch (err) {
    show(view, `The console failed: ${(err as Error).message}`);
  }
}

window.addEventListener('hashchange', () => void route());
void route();
