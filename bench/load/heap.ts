/** The heap of the server process, read through its inspector (see `inspector.ts`). */
import type { InspectorSession } from './inspector';

export interface HeapProbe {
  /** Used heap after two full garbage collections, in bytes. */
  usedAfterGc(): Promise<number>;
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
  };
}
