import { PlatformProcess } from './platform-process';
import { SupervisedProcess } from './supervised-process';

const SCRIPT = 'libs/shared/testing/src/lib/process-platform/fixtures/idle-process.js';

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('SupervisedProcess', () => {
  const launched: PlatformProcess[] = [];
  const launch = () => {
    const child = new PlatformProcess('idle', SCRIPT, {});
    launched.push(child);
    return child;
  };

  afterEach(() => launched.forEach((child) => child.killNow()));

  it('starts a process killed with SIGKILL again, and no more once halted', async () => {
    const restarts: string[] = [];
    const supervised = new SupervisedProcess('idle', launch(), launch, (line) => restarts.push(line));
    const first = supervised.current;

    process.kill(first.pid, 'SIGKILL');
    await until(() => supervised.current !== first && supervised.current.running);

    expect(restarts).toEqual([expect.stringMatching(/^idle exited .*restarting in 250 ms$/)]);
    expect(supervised.restartedAt).toHaveLength(1);

    supervised.halt();
    const second = supervised.current;
    process.kill(second.pid, 'SIGKILL');
    await second.exited;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(supervised.current).toBe(second);
    expect(launched).toHaveLength(2);
  });
});
