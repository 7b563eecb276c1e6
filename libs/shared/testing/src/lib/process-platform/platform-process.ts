import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { cpuSecondsOf, memoryOf } from './proc-stats';

export const REPO_ROOT = resolve(__dirname, '../../../../../..');
const KEPT_LINES = 300;

/**
 * One platform process (`node [flags] -r @swc-node/register <script>`, as `npm start` runs it) whose output is
 * kept, not shown: a harness prints it only when something failed, so a good run stays quiet.
 */
export class PlatformProcess {
  private readonly lines: string[] = [];
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private stopping = false;

  constructor(
    readonly name: string,
    script: string,
    env: Record<string, string>,
    nodeFlags: readonly string[] = [],
  ) {
    this.child = spawn(process.execPath, [...nodeFlags, '-r', '@swc-node/register', script], {
      cwd: REPO_ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.lines.push(line);
      if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        if (!this.stopping) this.lines.push(`[harness] ${name} exited unexpectedly (${signal ?? code})`);
        resolve(code);
      });
    });
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} has no process id`);
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.lines.map((line) => `[${this.name}] ${line}`).join('\n');
  }

  /** CPU time (user + system) used so far, in seconds. */
  cpuSeconds(): number {
    return cpuSecondsOf(this.pid);
  }

  /** Peak resident memory since the process started (or its peak was last reset), in bytes. */
  peakRssBytes(): number {
    return memoryOf(this.pid, 'VmHWM');
  }

  /** Resident memory now, in bytes. */
  rssBytes(): number {
    return memoryOf(this.pid, 'VmRSS');
  }

  /** SIGTERM (graceful shutdown, which also writes a CPU profile), then SIGKILL after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Last resort when the harness itself is exiting. */
  killNow(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}

/** Runs a one-shot step (a migration) to completion; rejects with its output when it fails. */
export async function runToCompletion(
  name: string,
  script: string,
  env: Record<string, string>,
): Promise<void> {
  const step = new PlatformProcess(name, script, env);
  const code = await step.exited;
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${step.output()}`);
}

/** Polls `url` until it answers 2xx; fails early if the process has died. */
export async function waitUntilReady(child: PlatformProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.running) throw new Error(`${child.name} exited before it was ready:\n${child.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${child.name} was not ready at ${url} within ${timeoutMs} ms:\n${child.output()}`);
}
