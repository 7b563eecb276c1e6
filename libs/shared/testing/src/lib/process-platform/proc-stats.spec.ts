import { cpuTicksFromStat, memoryFromStatus } from './proc-stats';

describe('/proc parsing', () => {
  it('adds utime and stime of a stat line, even when the command name has spaces and parentheses', () => {
    const stat = '4242 (node (main) x) S 1 4242 4242 0 -1 4194304 98 0 0 0 731 269 0 0 20 0 11 0 36983';
    expect(cpuTicksFromStat(stat)).toBe(1000);
    expect(() => cpuTicksFromStat('garbage')).toThrow('stat');
  });

  it('reads peak and current resident memory in bytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t  100000 kB\n';
    expect(memoryFromStatus(status, 'VmHWM')).toBe(123456 * 1024);
    expect(memoryFromStatus(status, 'VmRSS')).toBe(100000 * 1024);
    expect(() => memoryFromStatus('Name:\tnode\n', 'VmHWM')).toThrow('VmHWM');
  });
});
