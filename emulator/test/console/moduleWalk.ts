// The console's modules as a browser reaches them: main.js and, transitively, every `from './x.js'` it imports.
// Used by the console's serve test (dist) and the Docker test (the image), so both check the same closure.
import { expect } from 'vitest';

/** Fetches each module through `get` (name -> status and text), expects 200 for each, and returns their names. */
export async function walkConsoleModules(get: (name: string) => Promise<{ status: number; text: string }>): Promise<string[]> {
  const seen = new Set<string>();
  const pending = ['main.js'];
  while (pending.length) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const mod = await get(name);
    expect([name, mod.status]).toEqual([name, 200]);
    for (const m of mod.text.matchAll(/from '\.\/([a-zA-Z]+\.js)'/g)) pending.push(m[1]!);
  }
  return [...seen].sort();
}
