import { io as realIo } from 'socket.io-client';

import type { Ack, MessageView, VisitorConversationView } from '../shared';
import { createChat } from '../app/chat';
import type { LoaderState, WidgetContext } from '../contract';

jest.mock('socket.io-client', () => ({ io: jest.fn() }));
const io = realIo as unknown as jest.Mock;
const last = <T>(items: T[]): T => items[items.length - 1];

type Handler = (...args: never[]) => void;
type ServerHandler = (payload: Record<string, unknown>) => Ack<unknown> | Promise<Ack<unknown>>;

/** Enough of a Socket.IO client socket: the test plays the server. */
class FakeSocket {
  connected = false;
  active = true;
  readonly emitted: Array<[string, unknown]> = [];
  readonly handlers = new Map<string, Handler[]>();
  readonly buffered: Array<(value: unknown) => void> = [];
  server: Record<string, ServerHandler> = {};

  constructor(readonly uri: string, readonly options: Record<string, unknown>) {}
  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  timeout() {
    return this;
  }
  /** Like Socket.IO: buffered until connected; an event the server does not answer times out. */
  async emitWithAck(event: string, payload: Record<string, unknown>) {
    if (!this.connected) await new Promise((resolve) => this.buffered.push(resolve));
    this.emitted.push([event, payload]);
    const handler = this.server[event];
    if (!handler) throw new Error('operation has timed out');
    return handler(payload);
  }
  emit(event: string, payload: unknown) {
    this.emitted.push([event, payload]);
  }
  connect() {
    this.serverConnects();
  }
  disconnect() {
    this.connected = false;
    this.active = false;
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...values: unknown[]) => void)(...args);
  }
  serverConnects() {
    this.connected = true;
    this.buffered.splice(0).forEach((flush) => flush(undefined));
    this.fire('connect');
  }
  sent(event: string) {
    return this.emitted.filter(([name]) => name === event).map(([, payload]) => payload);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function view(overrides: Partial<VisitorConversationView> = {}): VisitorConversationView {
  return {
    id: 42,
    status: 'bot',
    language: 'en',
    agentName: null,
    lastSeq: 0,
    createdAt: '2025-05-12T09:00:00.000Z',
    queuedAt: null,
    resolvedAt: null,
    csatScore: null,
    leaveMessageOffered: false,
    position: null,
    estimatedWaitSeconds: null,
    ...overrides,
  };
}

function message(seq: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: seq,
    conversationId: 42,
    seq,
    clientId: `bot:reply:${seq}`,
    author: 'bot',
    agentName: null,
    text: `text ${seq}`,
    createdAt: '2025-05-12T09:00:00.000Z',
    ...overrides,
  };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

function fakeContext(initial: Partial<LoaderState> = {}) {
  const state: LoaderState = { open: true, locale: 'en', identity: {}, config: null, ...initial };
  const listeners = new Set<() => void>();
  const events: Array<[string, unknown]> = [];
  let unread = 0;
  const context: WidgetContext = {
    apiBase: 'https://cms.test/api/live-support',
    origin: 'https://cms.test',
    state: () => state,
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    setOpen(open) {
      state.open = open;
      listeners.forEach((listener) => listener());
    },
    setConfig(config) {
      state.config = config;
      listeners.forEach((listener) => listener());
    },
    addStyles: () => undefined,
    setUnread: (count) => void (unread = count),
    emit: (event, payload) => void events.push([event, payload]),
  };
  return { context, state, events, unread: () => unread };
}

let sockets: FakeSocket[];
let storage: ReturnType<typeof memoryStorage>;
let fetchMock: jest.Mock;

beforeEach(() => {
  sockets = [];
  io.mockImplementation((uri: string, options: Record<string, unknown>) => {
    const socket = new FakeSocket(uri, options);
    // The server side of a healthy conversation.
    socket.server = {
      'conversation:get': () => ({ ok: true, data: view() }),
      'messages:since': () => ({ ok: true, data: [] }),
      'message:send': ({ clientId, text }) => ({
        ok: true,
        data: message(1, { clientId: clientId as string, author: 'customer', text: text as string }),
      }),
    };
    sockets.push(socket);
    return socket;
  });
  storage = memoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
  fetchMock = jest.fn(async () => ({
    status: 201,
    ok: true,
    json: async () => ({ data: { token: 'token-1', conversation: view() } }),
  }));
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the chat session', () => {
  it('starts a session with the first message, with only the fields the server takes', async () => {
    const { context } = fakeContext({ locale: 'fi', identity: { name: 'Maija', email: 'maija@example.com', bogus: 1 } as never });
    const chat = createChat(context, () => undefined);
    expect(chat.phase()).toBe('new');

    chat.send('  Where is my parcel?  ');
    expect(chat.timeline.entries()).toEqual([expect.objectContaining({ text: 'Where is my parcel?', state: 'sending', seq: null })]);
    await settle();

    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('https://cms.test/api/live-support/sessions');
    expect(JSON.parse(init.body as string)).toEqual({ locale: 'fi', name: 'Maija', email: 'maija@example.com' });
    expect(sockets).toHaveLength(1);
    expect(sockets[0].uri).toBe('https://cms.test/widget');
    expect(sockets[0].options).toMatchObject({
      path: '/live-support/socket.io',
      auth: { token: 'token-1' },
      transports: ['websocket', 'polling'],
    });
    expect(JSON.parse(storage.data.get('live-support:session') as string)).toMatchObject({ token: 'token-1', conversationId: 42 });

    sockets[0].serverConnects();
    await settle();
    const [sent] = sockets[0].sent('message:send') as Array<{ clientId: string; text: string }>;
    expect(sent.text).toBe('Where is my parcel?');
    expect(sent.clientId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(chat.timeline.entries()).toEqual([expect.objectContaining({ clientId: sent.clientId, seq: 1, state: 'sent' })]);
  });

  it('retries a send that got no answer with the same clientId, then marks it failed; retry sends it again', async () => {
    const { context } = fakeContext();
    const chat = createChat(context, () => undefined);
    chat.send('Hello');
    await settle();
    const socket = sockets[0];
    delete socket.server['message:send']; // connected, but the server never answers
    socket.serverConnects();
    await settle();
    await settle();
    const attempts = socket.sent('message:send') as Array<{ clientId: string }>;
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((attempt) => attempt.clientId)).size).toBe(1);
    expect(chat.timeline.entries()[0].state).toBe('failed');

    socket.server['message:send'] = ({ clientId }) => ({ ok: true, data: message(1, { clientId: clientId as string, author: 'customer' }) });
    chat.retry(attempts[0].clientId);
    await settle();
    expect((socket.sent('message:send') as Array<{ clientId: string }>)[3].clientId).toBe(attempts[0].clientId);
    expect(chat.timeline.entries()[0]).toMatchObject({ state: 'sent', seq: 1 });
  });

  it('does not repeat a send the server refused', async () => {
    const { context } = fakeContext();
    const chat = createChat(context, () => undefined);
    chat.send('Hello');
    await settle();
    const socket = sockets[0];
    socket.server['message:send'] = () => ({
      ok: false,
      error: { status: 409, name: 'ConflictError', message: 'closed', details: { code: 'CONVERSATION_CLOSED' } },
    });
    socket.serverConnects();
    await settle();
    expect(socket.sent('message:send')).toHaveLength(1);
    expect(chat.timeline.entries()[0].state).toBe('failed');
  });

  it('re-reads the conversation and catches up after every connect, merging live messages by seq', async () => {
    storage.setItem('live-support:session', JSON.stringify({ token: 'stored', conversationId: 42, lastSeq: 3, readSeq: 3 }));
    const { context, events } = fakeContext({ open: false });
    const chat = createChat(context, () => undefined);
    expect(chat.phase()).toBe('loading');
    const socket = sockets[0];
    expect(socket.options).toMatchObject({ auth: { token: 'stored' } });

    const history = [message(1, { author: 'customer', clientId: 'w-1' }), message(2), message(3)];
    socket.server['messages:since'] = ({ after }) => ({ ok: true, data: history.filter((m) => m.seq > (after as number)) });
    socket.server['conversation:get'] = () => ({ ok: true, data: view({ status: 'active', agentName: 'Aino', lastSeq: 3 }) });
    socket.serverConnects();
    await settle();
    expect(socket.sent('messages:since')).toEqual([{ after: 0, limit: 200 }]);
    expect(chat.phase()).toBe('active');
    expect(chat.timeline.entries().map((entry) => entry.seq)).toEqual([1, 2, 3]);
    // History is not announced as new messages; a status is.
    expect(events.filter(([name]) => name === 'message')).toHaveLength(0);
    expect(events).toContainEqual(['status', expect.objectContaining({ status: 'active' })]);

    // Live: a duplicate is dropped, a gap is filled from the server.
    history.push(message(4, { author: 'agent', agentName: 'Aino', clientId: 'd-4' }), message(5, { author: 'agent', agentName: 'Aino', clientId: 'd-5' }));
    socket.fire('message:new', history[2]);
    socket.fire('message:new', history[4]);
    await settle();
    expect(socket.sent('messages:since')).toEqual([{ after: 0, limit: 200 }, { after: 3, limit: 200 }]);
    expect(chat.timeline.entries().map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(events.filter(([name]) => name === 'message')).toHaveLength(2);

    // Reconnect: only what came after the last seq.
    socket.connected = false;
    socket.fire('disconnect', 'transport close');
    expect(chat.state.connection).toBe('lost');
    history.push(message(6, { author: 'agent', agentName: 'Aino', clientId: 'd-6' }));
    socket.serverConnects();
    await settle();
    expect(last(socket.sent('messages:since'))).toEqual({ after: 5, limit: 200 });
    expect(chat.timeline.entries().map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(chat.state.connection).toBe('online');
  });

  it('counts unread agent and bot messages while the panel is closed', async () => {
    const { context, unread } = fakeContext({ open: false });
    const chat = createChat(context, () => undefined);
    chat.send('Hi');
    await settle();
    const socket = sockets[0];
    socket.serverConnects();
    await settle();
    socket.fire('message:new', message(2, { author: 'agent', agentName: 'Aino', clientId: 'd-1' }));
    socket.fire('message:new', message(3, { author: 'system', clientId: 'system:1' }));
    expect(unread()).toBe(1);
    context.setOpen(true);
    expect(unread()).toBe(0);
    expect(JSON.parse(storage.data.get('live-support:session') as string)).toMatchObject({ lastSeq: 3, readSeq: 3 });
  });

  it('shows the queue position and typing, and leaves the queue', async () => {
    const { context } = fakeContext();
    const chat = createChat(context, () => undefined);
    chat.escalate();
    await settle();
    const socket = sockets[0];
    socket.server['conversation:escalate'] = () => ({ ok: true, data: view({ status: 'queued', position: 3, estimatedWaitSeconds: 240, lastSeq: 1 }) });
    socket.server['conversation:leave'] = () => ({ ok: true, data: view({ status: 'abandoned', lastSeq: 1 }) });
    socket.serverConnects();
    await settle();
    await settle();
    expect(chat.phase()).toBe('queued');
    // A new place or estimate restarts the countdown of the estimated wait from its arrival.
    chat.state.estimatedAt = 0;
    const before = Date.now();
    socket.fire('queue:position', { conversationId: 42, position: 2, estimatedWaitSeconds: 120 });
    expect(chat.state.conversation).toMatchObject({ position: 2, estimatedWaitSeconds: 120 });
    expect(chat.state.estimatedAt).toBeGreaterThanOrEqual(before);
    // The same place and estimate again (a late duplicate, every node's push) keep counting down.
    chat.state.estimatedAt = 1;
    socket.fire('queue:position', { conversationId: 42, position: 2, estimatedWaitSeconds: 120 });
    expect(chat.state.estimatedAt).toBe(1);
    socket.fire('queue:position', { conversationId: 42, position: 2, estimatedWaitSeconds: 60 });
    expect(chat.state.conversation).toMatchObject({ position: 2, estimatedWaitSeconds: 60 });
    expect(chat.state.estimatedAt).toBeGreaterThanOrEqual(before);

    socket.fire('typing', { conversationId: 42, author: 'agent', agentName: 'Aino', isTyping: true });
    expect(chat.state.typing).toBe('Aino');
    socket.fire('typing', { conversationId: 42, author: 'agent', agentName: 'Aino', isTyping: false });
    expect(chat.state.typing).toBe(false);

    chat.leaveQueue();
    await settle();
    await settle();
    expect(chat.phase()).toBe('abandoned');
  });

  it('takes a configuration the server pushes, without asking for it', async () => {
    const { context, state } = fakeContext();
    const chat = createChat(context, () => undefined);
    chat.send('hello');
    await settle();
    sockets[0].serverConnects();
    await settle();
    const pushed = { texts: { en: { closed_notice: 'Shut until {nextOpening}.' } }, availability: { open: false, nextOpeningAt: null } };
    sockets[0].fire('config:changed', pushed);
    expect(state.config).toBe(pushed);
    expect(chat.config()).toMatchObject(pushed);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('sends typing at most every 2 s and false after 3 s of quiet', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask', 'nextTick'] });
    try {
      storage.setItem('live-support:session', JSON.stringify({ token: 'stored', conversationId: 42 }));
      const { context } = fakeContext();
      const chat = createChat(context, () => undefined);
      const socket = sockets[0];
      socket.serverConnects();
      await jest.advanceTimersByTimeAsync(0);
      chat.typing();
      chat.typing();
      jest.advanceTimersByTime(1000);
      chat.typing();
      expect(socket.sent('typing')).toEqual([{ isTyping: true }]);
      jest.advanceTimersByTime(2500);
      chat.typing();
      expect(socket.sent('typing')).toEqual([{ isTyping: true }, { isTyping: true }]);
      jest.advanceTimersByTime(3000);
      expect(socket.sent('typing')).toEqual([{ isTyping: true }, { isTyping: true }, { isTyping: false }]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('forgets a token the server no longer accepts, keeping unsent messages as failed', async () => {
    storage.setItem('live-support:session', JSON.stringify({ token: 'expired', conversationId: 42 }));
    const { context } = fakeContext();
    const chat = createChat(context, () => undefined);
    chat.send('Anyone there?');
    await settle();
    sockets[0].fire('connect_error', Object.assign(new Error('unauthorized'), { data: { code: 'UNAUTHORIZED' } }));
    await settle();
    expect(storage.data.has('live-support:session')).toBe(false);
    expect(chat.phase()).toBe('new');
    expect(chat.timeline.entries()).toEqual([expect.objectContaining({ text: 'Anyone there?', state: 'failed' })]);
  });

  it('rates once and takes ALREADY_RATED as done', async () => {
    storage.setItem('live-support:session', JSON.stringify({ token: 'stored', conversationId: 42 }));
    const { context } = fakeContext();
    const chat = createChat(context, () => undefined);
    const socket = sockets[0];
    socket.server['conversation:get'] = () => ({ ok: true, data: view({ status: 'resolved' }) });
    socket.server['csat:submit'] = () => ({
      ok: false,
      error: { status: 409, name: 'ConflictError', message: 'rated', details: { code: 'ALREADY_RATED' } },
    });
    socket.serverConnects();
    await settle();
    chat.rate(5, '  Quick  ');
    await settle();
    await settle();
    expect(socket.sent('csat:submit')).toEqual([{ score: 5, comment: 'Quick' }]);
    expect(chat.state.rated).toBe(true);
    expect(chat.state.error).toBe(false);
  });

  it('tells the customer when their address has too many chats waiting, and a generic failure otherwise', async () => {
    storage.setItem('live-support:session', JSON.stringify({ token: 'stored', conversationId: 42 }));
    const { context } = fakeContext();
    const chat = createChat(context, () => undefined);
    const socket = sockets[0];
    socket.server['conversation:get'] = () => ({ ok: true, data: view({ status: 'bot' }) });
    socket.server['conversation:escalate'] = () => ({
      ok: false,
      error: { status: 429, name: 'RateLimitError', message: 'waiting', details: { code: 'TOO_MANY_QUEUED' } },
    });
    socket.serverConnects();
    await settle();
    chat.escalate();
    await settle();
    await settle();
    expect(chat.state.error).toBe('tooManyQueued');
    expect(chat.phase()).toBe('bot');

    socket.server['conversation:escalate'] = () => ({
      ok: false,
      error: { status: 403, name: 'ForbiddenError', message: 'off', details: { code: 'BUTTON_DISABLED' } },
    });
    chat.escalate();
    await settle();
    await settle();
    expect(chat.state.error).toBe('failed');
  });

  it('leaves an offline message with the visitor token', async () => {
    storage.setItem('live-support:session', JSON.stringify({ token: 'stored', conversationId: 42 }));
    const { context } = fakeContext();
    const chat = createChat(context, () => undefined);
    fetchMock.mockResolvedValueOnce({ status: 400, ok: false, text: async () => '{"error":{}}' });
    expect(await chat.leaveOfflineMessage({ message: 'Call me' })).toBe('invalid');
    fetchMock.mockResolvedValueOnce({ status: 201, ok: true, text: async () => '{"data":{}}' });
    expect(await chat.leaveOfflineMessage({ message: 'Call me', phone: '+358 40 123 4567' })).toBe('sent');
    const [url, init] = last(fetchMock.mock.calls) as [string, RequestInit];
    expect(url).toBe('https://cms.test/api/live-support/conversations/42/offline-message');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer stored' });
    // Both tries carry one idempotency key, so a retry after a lost answer is stored once.
    const keys = fetchMock.mock.calls.slice(-2).map(([, sent]) => JSON.parse((sent as RequestInit).body as string).clientId);
    expect(keys[0]).toMatch(/^w-[0-9a-z-]+$/);
    expect(keys[1]).toBe(keys[0]);
    expect(chat.state.offlineSent).toBe(true);
    expect(JSON.parse(storage.data.get('live-support:session') as string)).toMatchObject({ offlineSent: true });
  });
});
