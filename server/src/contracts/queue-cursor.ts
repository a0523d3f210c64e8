/**
 * The resolved column's keyset cursor: the last card of a page, by the column's order
 * (`resolvedAt` descending, then `id` descending), written `2025-05-12T09:00:20.410Z_42`.
 * The next page starts right after it, however many conversations were resolved meanwhile,
 * and the database seeks to it through the (status, resolvedAt) index instead of counting
 * past every earlier row as an offset would.
 */
export interface ResolvedCursor {
  resolvedAt: Date;
  id: number;
}

export const RESOLVED_CURSOR_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[1-9]\d{0,14}$/;

export function encodeResolvedCursor(cursor: ResolvedCursor): string {
  return `${cursor.resolvedAt.toISOString()}_${cursor.id}`;
}

/** The cursor, or `null` when the text is not one (a date that does not exist, say). */
export function decodeResolvedCursor(text: string): ResolvedCursor | null {
  if (!RESOLVED_CURSOR_PATTERN.test(text)) return null;
  const [iso, id] = text.split('_');
  const resolvedAt = new Date(iso);
  if (Number.isNaN(resolvedAt.getTime()) || resolvedAt.toISOString() !== iso) return null;
  return { resolvedAt, id: Number(id) };
}

export const isResolvedCursor = (text: string): boolean => decodeResolvedCursor(text) !== null;
