import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '@nets/shared/testing';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

export interface AppProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * A web app as `npm start` and its image run it: its `main.ts` in its own process (swc-node, UTC), on the
 * given port, ready once its `/readyz` answers. Its output is kept for a failing test to show.
 */
export async function startAppProcess(options: {
  name: string;
  /** The app's entry point, from the repository root (`apps/<app>/src/main.ts`). */
  script: string;
  port: number;
  env: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<AppProcess> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', options.script], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', TZ: 'UTC', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${options.name} exited:\n${output}`);
        const response = await fetch(`${url}/readyz`).catch(() => undefined);
        return response?.ok || undefined;
      },
      {
        timeoutMs: options.readyTimeoutMs ?? 60_000,
        intervalMs: 250,
        description: `${options.name} to be ready`,
      },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}
