// The built CLI as a child process on a data directory, for the tests that kill it or fill its disk: the child, and
// the emulator it serves once its ready line is out (the default key pair and region).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunningEmulator } from 'local-oss';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export function startCliOn(dir: string): Promise<{ child: ChildProcess; emu: RunningEmulator }> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        resolve({
          child,
          emu: {
            url: m[1]!,
            port: Number(new URL(m[1]!).port),
            region: 'cn-hangzhou',
            accessKeyId: 'local-oss-access-key-id',
            accessKeySecret: 'local-oss-access-key-secret',
          } as RunningEmulator,
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}
