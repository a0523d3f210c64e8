/**
 * Key-value storage under the `live-support:` prefix. localStorage can throw (blocked cookies,
 * Safari's private mode, a full quota): then the value lives in memory for this page, so the chat
 * still works; it just does not survive a reload.
 */
export const STORAGE_PREFIX = 'live-support:';
export const SESSION_KEY = 'session';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function createStore(backing: () => Storage): KeyValueStore {
  const memory: Record<string, string | null> = {};
  return {
    get(key) {
      // A key whose last write failed (`in memory`) is answered from memory.
      if (!(key in memory)) {
        try {
          return backing().getItem(STORAGE_PREFIX + key);
        } catch {
          // unreadable: nothing stored
        }
      }
      return memory[key] || null;
    },
    set(key, value) {
      try {
        backing().setItem(STORAGE_PREFIX + key, value);
        delete memory[key];
      } catch {
        memory[key] = value;
      }
    },
    remove(key) {
      delete memory[key];
      try {
        backing().removeItem(STORAGE_PREFIX + key);
      } catch {
        // nothing stored there
      }
    },
  };
}

/** What a page remembers of its conversation: enough to reconnect after a reload. */
export interface StoredSession {
  token: string;
  conversationId: number;
  /** The highest `seq` received. */
  lastSeq: number;
  /** The highest `seq` seen with the panel open (for the unread count). */
  readSeq: number;
  /** The offline form was sent for this conversation. */
  offlineSent?: boolean;
}

export function parseSession(raw: string | null): StoredSession | null {
  try {
    const session = JSON.parse(raw as string) as StoredSession;
    if (typeof session.token === 'string' && session.conversationId > 0) {
      session.lastSeq |= 0;
      session.readSeq |= 0;
      return session;
    }
  } catch {
    // not JSON (or null)
  }
  return null;
}
