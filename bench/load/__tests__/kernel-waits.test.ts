import { spawn } from 'node:child_process';
import { once } from 'node:events';

import { startKernelWaitSampler } from '../kernel-waits';

/** A Node process that waits 300 ms on a futex (`Atomics.wait`) when told to, then says "done". */
function childThatWaitsWhenTold() {
  return spawn(process.execPath, [
    '-e',
    "process.stdin.once('data', () => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300); process.stdout.write('done'); process.exit(0); });",
  ]);
}

describe('the kernel wait sampler', () => {
  it("sees a process's main thread wait in the kernel, with the call and how long", async () => {
    const child = childThatWaitsWhenTold();
    try {
      const sampler = await startKernelWaitSampler(child.pid!);
      const done = once(child.stdout, 'data');
      child.stdin.write('wait\n');
      await done;
      const waits = await sampler.finish();
      // Node's own start-up waits on futexes too, briefly (30 ms on a cold machine): the test's
      // wait is the one long one. Sampled every millisecond, by a thread that a busy machine can
      // hold up for a while, so at least half of it.
      const futexWaits = waits.filter((wait) => wait.call === 'futex' && wait.ms >= 150);
      expect(futexWaits).toHaveLength(1);
      expect(futexWaits[0].ms).toBeLessThan(1000);
      expect(futexWaits[0].file).toBeNull();
      expect(futexWaits[0].wchan).not.toBe('');
    } finally {
      child.kill();
    }
  });

  it('answers an empty list for a process that is gone', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    expect(await (await startKernelWaitSampler(child.pid!)).finish()).toEqual([]);
  });
});
