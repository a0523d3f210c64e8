/** Rows a periodic sweep reads at a time: a few milliseconds of work between two turns of the event loop. */
export const SWEEP_BATCH_SIZE = 100;

/**
 * Lets the event loop serve live chat between two batches. With SQLite every query runs on the
 * main thread and resolves at once, so a sweep that never waits for anything else holds the
 * loop (and the only connection) until it ends; a turn of the loop here lets messages through.
 */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads rows page by page in id order (keyset, not offset: each page is one indexed range read
 * however far the sweep has gone) and yields to the event loop between pages.
 */
export async function* keysetPages<Row extends { id: number }>(
  load: (afterId: number, limit: number) => Promise<Row[]>,
  batchSize: number = SWEEP_BATCH_SIZE,
): AsyncGenerator<Row[]> {
  let afterId = 0;
  for (;;) {
    const rows = await load(afterId, batchSize);
    if (rows.length > 0) yield rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < batchSize) return;
    afterId = last.id;
    await yieldToOthers();
  }
}
