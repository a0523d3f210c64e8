/** The heap of the server process, read through its inspector (see `inspector.ts`). */
import type { InspectorSession } from './inspector';

export interface HeapProbe {
  /** Used heap after two full garbage collections, in bytes. */
  usedAfterGc(): Promise<number>;
  /**
   * Bytes the process allocated while `work` ran, collected since or not (V8's sampling heap
   * profiler, one sample per 1 KB on average, keeping the samples the collector freed).
   */
  allocatedDuring<Result>(work: () => Promise<Result>): Promise<{ bytes: number; result: Result }>;
}

interface SampledNode {
  selfSize: number;
  children: SampledNode[];
}
const sampledBytes = (node: SampledNode): number => node.selfSize + node.children.reduce((sum, child) => sum + sampledBytes(child), 0);

export function heapProbe(openInspector: () => Promise<InspectorSession>): HeapProbe {
  return {
    async usedAfterGc() {
      const session = await openInspector();
      try {
        await session.call('HeapProfiler.collectGarbage');
        await session.call('HeapProfiler.collectGarbage');
        const value = await session.evaluate<unknown>('process.memoryUsage().heapUsed');
        if (typeof value !== 'number') throw new Error(`unexpected heap answer ${JSON.stringify(value)}`);
        return value;
      } finally {
        session.close();
      }
    },
    async allocatedDuring(work) {
      const session = await openInspector();
      try {
        await session.call('HeapProfiler.enable');
        await session.call('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
        // Closing the session (below) ends the sampling if the work fails.
        const result = await work();
        const { profile } = (await session.call('HeapProfiler.getSamplingProfile', {}, 120_000)) as unknown as { profile: { head: SampledNode } };
        await session.call('HeapProfiler.stopSampling');
        return { bytes: sampledBytes(profile.head), result };
      } finally {
        session.close();
      }
    },
  };
}
