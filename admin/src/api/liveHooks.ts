import type { AgentPresenceView } from '../shared';

import { QUEUE_QUERY, useAgentsQuery, useQueueQuery } from './liveSupportApi';
import type { QueueResult } from './cachePatches';

/**
 * Live cached answers as the desk shows them. They read RTK Query's `currentData` (what the
 * cache holds), not `data`: after a failed refetch `data` stays on the last successful answer
 * and would hide what pushes patched in since.
 */
export interface LiveAnswer<Data> {
  /** Undefined until the first answer. */
  current: Data | undefined;
  /** The latest request failed; `current` may be older. */
  failed: boolean;
}

/** The desk's one queue snapshot (the queue page, the waiting count, the server clock). */
export function useLiveQueue(): LiveAnswer<QueueResult> {
  const { currentData, isError } = useQueueQuery(QUEUE_QUERY);
  return { current: currentData, failed: isError };
}

/** Every agent's presence and load. */
export function useLiveAgents(options: { skip?: boolean; refetchOnMountOrArgChange?: boolean } = {}): LiveAnswer<AgentPresenceView[]> {
  const { currentData, isError } = useAgentsQuery(undefined, options);
  return { current: currentData, failed: isError };
}
