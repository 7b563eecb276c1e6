// The watch `npm start` keeps on the Kafka broker it launched, driven in a child Node process (the module is
// plain ESM, as `npm start` loads it) with a stand-in broker: a real process, killed with SIGKILL.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = `
import { spawn } from 'node:child_process';
import { KafkaWatch } from ${JSON.stringify(join(__dirname, 'kafka-watch.mjs'))};
const alive = (child) => child.exitCode === null && child.signalCode === null;
const broker = () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
let current = broker();
const started = [current.pid];
const lines = [];
const watch = new KafkaWatch({
  log: (line) => lines.push(line),
  isRunning: async () => alive(current),
  start: async () => { current = broker(); started.push(current.pid); return true; },
  intervalMs: 50,
});
watch.start();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const waitUntil = async (probe) => { for (let i = 0; i < 200 && !probe(); i += 1) await sleep(25); };
for (let kill = 0; kill < 3; kill += 1) {
  const victim = current;
  victim.kill('SIGKILL');
  await waitUntil(() => current !== victim && alive(current));
}
await watch.stop();
const stillRunningAfterStop = alive(current);
const startedBeforeStop = started.length;
// What ends npm start then stops the broker: the stopped watch must not bring it back.
current.kill('SIGKILL');
await waitUntil(() => !alive(current));
await sleep(500);
process.stdout.write(JSON.stringify({ started: startedBeforeStop, restarts: watch.restarts, stillRunningAfterStop,
  startedAfterStop: started.length - startedBeforeStop, lines, leftRunning: alive(current) }));
`;

describe('npm start restarts the Kafka broker it launched', () => {
  it('starts the broker again after each kill -9, and after stop() starts nothing more', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as {
      started: number;
      restarts: number;
      stillRunningAfterStop: boolean;
      startedAfterStop: number;
      lines: string[];
      leftRunning: boolean;
    };
    expect(result.restarts).toBe(3);
    expect(result.started).toBe(4);
    expect(result.stillRunningAfterStop).toBe(true);
    expect(result.startedAfterStop).toBe(0);
    expect(result.leftRunning).toBe(false);
    expect(result.lines.filter((line) => line.includes('starting it again'))).toHaveLength(3);
  });
});
