import { useEffect } from 'react';

import type { AgentServerToClientEvents } from '../types';

import { useAgentSocket } from './useAgentSocket';

type AgentEvent = keyof AgentServerToClientEvents;
type LooseSocket = { on(event: string, listener: () => void): void; off(event: string, listener: () => void): void };

/**
 * Loads now, again whenever one of `events` arrives (a burst coalesced into one reload after
 * `delayMs`) and at once after a reconnect, when pushes may have been missed.
 */
export function useLiveRefresh(refresh: () => void, events: readonly AgentEvent[], delayMs = 200): void {
  const socket = useAgentSocket();
  const eventKey = events.join(' ');

  useEffect(() => {
    refresh();
    if (!socket) return undefined;
    // The payloads do not matter here, only that something changed.
    const loose = socket as unknown as LooseSocket;
    const names = eventKey.split(' ');
    let timer: number | undefined;
    const scheduleRefresh = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, delayMs);
    };
    names.forEach((name) => loose.on(name, scheduleRefresh));
    loose.on('connect', refresh);
    return () => {
      window.clearTimeout(timer);
      names.forEach((name) => loose.off(name, scheduleRefresh));
      loose.off('connect', refresh);
    };
  }, [delayMs, eventKey, refresh, socket]);
}
