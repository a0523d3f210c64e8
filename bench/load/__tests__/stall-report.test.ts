import type { ServerTrace } from '../server-trace';
import { DeliveryLog, stallReport } from '../stall-report';

const STARTED = 1_000_000;

function traceWith(blocks: ServerTrace['blocks'], jobs: ServerTrace['jobs'] = []): ServerTrace {
  return { startedAt: STARTED, windowMs: 10_000, windows: [{ loopDelayMaxMs: 250, statements: 100 }], blocks, jobs, gc: [], slowStatements: [] };
}

const offCpuBlock = { at: STARTED + 5_000, ms: 200, cpuMs: 0, processCpuMs: 0, stealMs: 0, ioWaitMs: 0 };

describe('the stall report', () => {
  it('names an off-CPU block after the kernel wait that covers most of it, before an overlapping job', () => {
    const trace = traceWith([offCpuBlock], [{ at: STARTED + 4_950, ms: 30, name: 'presence' }]);
    const waits = [
      { at: STARTED + 4_990, ms: 180, call: 'pwrite64', file: '/tmp/bench/data.db-wal', wchan: '__filemap_get_folio' },
      { at: STARTED + 4_700, ms: 10, call: 'read', file: '/tmp/bench/data.db', wchan: 'folio_wait_bit_common' },
    ];
    const report = stallReport(new DeliveryLog(), trace, waits);
    expect(report.blocks).toHaveLength(1);
    expect(report.blocks[0].kernelWait).toEqual({ ms: 180, call: 'pwrite64', file: '/tmp/bench/data.db-wal', wchan: '__filemap_get_folio', overlapMs: 180 });
    expect(report.blocks[0].causes).toEqual(['waiting in the kernel: pwrite64 data.db-wal in __filemap_get_folio (180 ms)', 'job presence (30 ms)']);
    expect(report.blocksByCause).toEqual({ 'waiting in the kernel: pwrite64 data.db-wal in __filemap_get_folio': { count: 1, maxMs: 200 } });
    expect(report.kernelWaitsByKind).toEqual({
      'pwrite64 data.db-wal in __filemap_get_folio': { count: 1, totalMs: 180, maxMs: 180 },
      'read data.db in folio_wait_bit_common': { count: 1, totalMs: 10, maxMs: 10 },
    });
  });

  it('falls back to the machine\'s figures when no kernel wait covers half of the block', () => {
    const short = [{ at: STARTED + 4_900, ms: 60, call: 'page fault', file: null, wchan: 'folio_wait_bit_common' }];
    const report = stallReport(new DeliveryLog(), traceWith([{ ...offCpuBlock, ioWaitMs: 150 }]), short);
    expect(report.blocks[0].kernelWait).toMatchObject({ call: 'page fault', overlapMs: 60 });
    expect(report.blocks[0].causes).toEqual(['the disk (server off the CPU while the machine waited for I/O)']);
  });

  it('does not blame a kernel wait for a block the thread spent on the CPU', () => {
    const onCpu = { ...offCpuBlock, cpuMs: 190, processCpuMs: 190 };
    const waits = [{ at: STARTED + 5_000, ms: 150, call: 'fsync', file: '/tmp/bench/data.db-wal', wchan: 'jbd2_log_wait_commit' }];
    expect(stallReport(new DeliveryLog(), traceWith([onCpu]), waits).blocks[0].causes).toEqual(['message traffic (no job, GC or slow statement overlapped)']);
  });
});
