/**
 * Wraps a task so that calls during a run do not start runs of their own: they share the
 * running one and ask for one more run after it, which then sees every change made meanwhile.
 * A burst of calls costs at most two runs. A failure is handed to `onError`, never thrown.
 */
export function coalesce(task: () => Promise<void>, onError: (error: Error) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again);
      } catch (error) {
        onError(error as Error);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
