/** The heap of the server process, read through its inspector (see `inspector.ts`). */
import type { InspectorSession } from './inspector';

export interface HeapProbe {
  /** Used heap after two full garbage collections, in bytes. */
  usedAfterGc(): Promise<number>;
  /**
   * Bytes the process allocated while `work` ran, collected since or not (V8's sampling heap
   * profiler, one sample per 1 KB on average, keeping the samples the collector freed).
   */
  allocatedDuring<Result>(work: () => Promise<Result>): Promise<{ bytes: number; topAllocators: Allocator[]; result: Result }>;
}

/** One function's own allocations in a sample (not its callees'), by where it is defined. */
export interface Allocator {
  /** `name file:line`, the file relative to node_modules or the repository where possible. */
  site: string;
  bytes: number;
}

interface SampledNode {
  selfSize: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children: SampledNode[];
}
const sampledBytes = (node: SampledNode): number => node.selfSize + node.children.reduce((sum, child) => sum + sampledBytes(child), 0);

const TOP_ALLOCATORS = 15;

function siteOf({ functionName, url, lineNumber }: SampledNode['callFrame']): string {
  const file = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(process.cwd() + '/', '');
  return `${functionName || '(anonymous)'} ${file || '(native)'}:${lineNumber + 1}`;
}

/** The functions that allocated most themselves, summed over every call path. */
function topAllocators(head: SampledNode): Allocator[] {
  const bySite = new Map<string, number>();
  const visit = (node: SampledNode) => {
    if (node.selfSize > 0) {
      const site = siteOf(node.callFrame);
      bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    }
    node.children.forEach(visit);
  };
  visit(head);
  return [...bySite.entries()]
    .map(([site, bytes]) => ({ site, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, TOP_ALLOCATORS);
}

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
        return { bytes: sampledBytes(profile.head), topAllocators: topAllocators(profile.head), result };
      } finally {
        session.close();
      }
    },
  };
}
