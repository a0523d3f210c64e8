import { createStore, parseSession, STORAGE_PREFIX } from '../storage';

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (index) => [...data.keys()][index] ?? null,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('storage wrapper', () => {
  it('stores under the live-support: prefix', () => {
    const backing = memoryStorage();
    const store = createStore(() => backing);
    store.set('session', 'x');
    expect(backing.data.get(`${STORAGE_PREFIX}session`)).toBe('x');
    expect(store.get('session')).toBe('x');
    store.remove('session');
    expect(store.get('session')).toBeNull();
    expect(backing.data.size).toBe(0);
  });

  it('keeps working in memory when localStorage throws', () => {
    const store = createStore(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(store.get('session')).toBeNull();
    store.set('session', 'kept');
    expect(store.get('session')).toBe('kept');
    store.remove('session');
    expect(store.get('session')).toBeNull();
  });

  it('answers from memory a key whose write failed (a full quota), and from storage again once a write works', () => {
    const backing = memoryStorage();
    let full = true;
    const setItem = backing.setItem;
    backing.setItem = (key, value) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      setItem(key, value);
    };
    const store = createStore(() => backing);
    store.set('session', 'in memory');
    expect(store.get('session')).toBe('in memory');
    full = false;
    store.set('session', 'stored');
    expect(backing.data.get(`${STORAGE_PREFIX}session`)).toBe('stored');
    expect(store.get('session')).toBe('stored');
  });
});

describe('stored session', () => {
  it('reads a valid session and defaults the cursors', () => {
    expect(parseSession(JSON.stringify({ token: 't', conversationId: 4 }))).toEqual({
      token: 't',
      conversationId: 4,
      lastSeq: 0,
      readSeq: 0,
    });
  });

  it.each([null, '', 'not json', 'null', '{}', '{"token":"t"}', '{"token":1,"conversationId":3}', '{"token":"t","conversationId":0}'])(
    'refuses %p',
    (raw) => {
      expect(parseSession(raw)).toBeNull();
    },
  );
});
