/**
 * Another Node process's inspector: the process is started with `--inspect-port=<port>`
 * (nothing listens yet) and SIGUSR1 opens the inspector only when it is first needed, so it
 * costs nothing before.
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

export interface InspectorSession {
  /** One inspector command, with a timeout. */
  call(method: string, params?: object, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Evaluates `expression` in the process (with the console's `require`) and returns its JSON-able value. */
  evaluate<Value>(expression: string, timeoutMs?: number): Promise<Value>;
  close(): void;
}

async function openSession(url: string): Promise<InspectorSession> {
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
  const evaluate = async <Value>(expression: string, timeoutMs?: number): Promise<Value> => {
    const answer = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true, includeCommandLineAPI: true }, timeoutMs);
    const thrown = answer.exceptionDetails as { exception?: { description?: string }; text?: string } | undefined;
    if (thrown) throw new Error(`evaluation failed: ${thrown.exception?.description ?? thrown.text}`);
    return (answer.result as { value?: Value } | undefined)?.value as Value;
  };
  return { call, evaluate, close: () => socket.close() };
}

/** Opens the inspector of process `pid` (once) and a session on it. */
export function inspectorOf(pid: number, inspectPort: number): () => Promise<InspectorSession> {
  let opened = false;
  return async () => {
    if (!opened) {
      process.kill(pid, 'SIGUSR1');
      opened = true;
    }
    const [target] = await inspectorTargets(inspectPort, 15_000);
    return openSession(target.webSocketDebuggerUrl);
  };
}
