/**
 * The heap of another Node process, read through its inspector: the process is started with
 * `--inspect-port=<port>` (nothing listens yet) and SIGUSR1 opens the inspector only when the
 * heap is measured, so it costs nothing during the timed phases.
 */
import WebSocket from 'ws';

interface InspectorTarget {
  webSocketDebuggerUrl: string;
}

async function inspectorTargets(port: number, timeoutMs: number): Promise<InspectorTarget[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(1000) });
      const targets = (await response.json()) as InspectorTarget[];
      if (targets.length > 0) return targets;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`no inspector on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An inspector session: one command at a time, each with a timeout. */
async function openSession(url: string) {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const call = (method: string, params: object = {}, timeoutMs = 30_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        socket.off('message', listener);
        reject(new Error(`inspector ${method} timed out`));
      }, timeoutMs);
      const listener = (raw: WebSocket.RawData) => {
        const message = JSON.parse(raw.toString()) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
        if (message.id !== id) return;
        clearTimeout(timer);
        socket.off('message', listener);
        if (message.error) reject(new Error(`inspector ${method}: ${message.error.message}`));
        else resolve(message.result ?? {});
      };
      socket.on('message', listener);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { call, close: () => socket.close() };
}

export interface HeapProbe {
  /** Used heap after two full garbage collections, in bytes. */
  usedAfterGc(): Promise<number>;
}

export function heapProbe(pid: number, inspectPort: number): HeapProbe {
  let opened = false;
  return {
    async usedAfterGc() {
      if (!opened) {
        process.kill(pid, 'SIGUSR1');
        opened = true;
      }
      const [target] = await inspectorTargets(inspectPort, 15_000);
      const session = await openSession(target.webSocketDebuggerUrl);
      try {
        await session.call('HeapProfiler.collectGarbage');
        await session.call('HeapProfiler.collectGarbage');
        const result = await session.call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true });
        const value = (result.result as { value?: unknown } | undefined)?.value;
        if (typeof value !== 'number') throw new Error(`unexpected heap answer ${JSON.stringify(result)}`);
        return value;
      } finally {
        session.close();
      }
    },
  };
}
