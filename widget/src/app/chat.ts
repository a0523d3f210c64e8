/**
 * The customer's side of one conversation, without any UI: the session (its token in storage),
 * the `/widget` socket, catching up after every (re)connect, sending with idempotent retries, and
 * the actions (escalate, leave the queue, rate, offline message). The panel renders `chat.state`
 * and calls the methods; `onChange` asks it to render again.
 *
 * A closure rather than a class, and `&&` rather than `?.` (es2019 spells `?.` out): local names
 * minify, property names do not, and the whole widget has a 25 KB budget.
 */
import { io, type Socket } from 'socket.io-client';

import {
  type Ack,
  type ErrorBody,
  type ErrorCode,
  type MessageView,
  type VisitorConversationView,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
} from '../shared';
import type { NAMESPACES } from '../shared';
import { readConfig } from '../config';
import type { WidgetContext } from '../contract';
import { createStore, parseSession, SESSION_KEY, type StoredSession } from '../storage';
import type { Chat, ChatState, Phase } from './chat-state';
import { createClientId } from './client-id';
import { beep } from './sound';
import { createTimeline } from './timeline';

type WidgetSocket = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;

/** The phases with a text box. */
export const WRITABLE: readonly Phase[] = ['new', 'loading', 'bot', 'queued', 'active'];
const TIMEOUT_MS = 10000;
const PAGE = 200;

/** 1 s, 2 s, 4 s … up to 30 s, with jitter so that many widgets do not come back at once. */
const backoff = (attempt: number) => Math.min(30000, 1000 * 2 ** attempt) * (0.75 + Math.random() / 2);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const blankState = (): ChatState => ({
  conversation: null,
  estimatedAt: 0,
  connection: 'none',
  typing: false,
  error: false,
  busy: false,
  rated: false,
  offlineSent: false,
});

export function createChat(context: WidgetContext, onChange: () => void): Chat {
  const store = createStore(() => localStorage);
  const timeline = createTimeline();
  const state = blankState();
  let session: StoredSession | null = null;
  let socket: WidgetSocket | null = null;
  let starting: Promise<unknown> | null = null;
  let catchingUp: Promise<void> | null = null;
  /** History read at start is not announced to the site's `message` listeners. */
  let historyLoaded = false;
  let reconnects = 0;
  let sentIdentity = '';
  let typingSentAt = 0;
  // One key for the offline message however often it is retried: the server stores it once.
  const offlineClientId = createClientId();
  let typingTimer: ReturnType<typeof setTimeout>;
  let agentTypingTimer: ReturnType<typeof setTimeout>;

  const config = () => readConfig(context.state().config);
  const phase = (): Phase => (state.conversation ? state.conversation.status : session ? 'loading' : 'new');
  /**
   * The socket with an acknowledgement timeout: emitWithAck rejects when no answer comes in time
   * (or the connection drops). While disconnected, Socket.IO buffers the packet until it is back.
   * Socket.IO's typing of timeout() loses the answer's type; the plain type is kept.
   */
  const timed = (target: WidgetSocket) => target.timeout(TIMEOUT_MS) as unknown as WidgetSocket;

  /** Renders, and stores the cursor and (while the panel is open) that everything was seen. */
  function changed() {
    sendIdentity();
    if (session) {
      session.lastSeq = timeline.maxSeq();
      if (context.state().open) session.readSeq = session.lastSeq;
      store.set(SESSION_KEY, JSON.stringify(session));
    }
    context.setUnread(session ? timeline.unreadAfter(session.readSeq) : 0);
    onChange();
  }

  // --- session and socket --------------------------------------------------------------------

  /** identify() after the chat started reaches the conversation, once per change. */
  function sendIdentity() {
    const { name, email, phone, externalId, metadata, userHash } = context.state().identity;
    const details = JSON.stringify({ name, email, phone, externalId, metadata, userHash });
    if (!session || details === '{}' || details === sentIdentity) return;
    sentIdentity = details;
    fetch(context.apiBase + '/conversations/' + session.conversationId + '/customer', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
      body: details,
    }).catch(() => {});
  }

  function resume(stored: StoredSession) {
    session = stored;
    state.offlineSent = !!stored.offlineSent;
    connect(stored);
    changed();
  }

  /** The stored conversation (of an earlier page, or one another tab started meanwhile). */
  function adopt() {
    const stored = !session && parseSession(store.get(SESSION_KEY));
    if (stored) resume(stored);
  }

  async function ensureSession() {
    adopt();
    if (!session) await (starting = starting || createSession().finally(() => (starting = null)));
  }

  async function createSession() {
    const { locale, identity } = context.state();
    const post = (details?: object) =>
      fetch(context.apiBase + '/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ locale, ...details }),
      });
    // Only the fields POST /sessions takes: any other field would be refused.
    const { name, email, phone, externalId, metadata, userHash } = identity;
    sentIdentity = JSON.stringify({ name, email, phone, externalId, metadata, userHash });
    let response = await post({ name, email, phone, externalId, metadata, userHash });
    // Details from identify() that the server refuses (400), or an identity it cannot verify
    // (403), must not keep the customer from chatting: the chat starts anonymous.
    if (response.status === 400 || response.status === 403) response = await post();
    // Refused (not an Error): a message waiting for this session fails at once.
    if (!response.ok) throw response;
    const { data } = (await response.json()) as { data: { token: string; conversation: VisitorConversationView } };
    historyLoaded = true;
    resume({ token: data.token, conversationId: data.conversation.id, lastSeq: 0, readSeq: 0 });
    setConversation(data.conversation);
  }

  function connect(current: StoredSession) {
    const own: WidgetSocket = io(context.origin + ('/widget' satisfies typeof NAMESPACES.widget), {
      path: config().socketPath,
      auth: { token: current.token },
      transports: ['websocket', 'polling'],
      // Where WebSocket is blocked (some proxies), fall back to long-polling.
      tryAllTransports: true,
    });
    socket = own;
    // A replaced socket (a new conversation) was disconnected first: it reports nothing more.
    const on = own.on.bind(own);
    const reconnectLater = () => setTimeout(() => socket === own && own.connect(), backoff(reconnects++));

    on('connect', () => {
      state.connection = 'online';
      reconnects = 0;
      changed();
      void sync(own);
    });
    on('disconnect', (reason) => {
      state.connection = 'lost';
      state.typing = false;
      changed();
      // The server closed this socket (e.g. while restarting): Socket.IO would leave it closed.
      if (reason === 'io server disconnect') reconnectLater();
    });
    on('connect_error', (error) => {
      // The token expired or its conversation is gone: start over with the next message.
      if (error.message === 'unauthorized') return startOver(true);
      // A refusal by the server is not retried by Socket.IO itself; a network failure is.
      if (!own.active) reconnectLater();
    });
    on('message:new', (message) => receive([message], true));
    on('conversation:status', setConversation);
    on('config:changed', context.setConfig);
    on('queue:position', ({ conversationId, position, estimatedWaitSeconds }) => {
      const conversation = state.conversation;
      if (conversation && conversation.id === conversationId) {
        // The server's estimate does not shrink as the customer waits, so the same place and
        // estimate again (a late or repeated push; every node's, with several) is the estimate
        // already counting down, not a new one.
        if (position !== conversation.position || estimatedWaitSeconds !== conversation.estimatedWaitSeconds) state.estimatedAt = Date.now();
        state.conversation = { ...conversation, position, estimatedWaitSeconds };
        changed();
      }
    });
    on('typing', ({ isTyping, agentName }) => {
      clearTimeout(agentTypingTimer);
      state.typing = isTyping && (agentName || (state.conversation && state.conversation.agentName));
      // Never leave "is typing…" up when the agent's `false` got lost.
      if (isTyping) agentTypingTimer = setTimeout(() => ((state.typing = false), changed()), 15000);
      changed();
    });
  }

  /** On every connect: re-read the conversation, then fetch what was missed; retried with back-off. */
  async function sync(own: WidgetSocket) {
    for (let attempt = 0; socket === own && own.connected; attempt++) {
      try {
        const reply = await timed(own).emitWithAck('conversation:get', {});
        // 403/404: the conversation is gone.
        if (!reply.ok) return startOver(true);
        setConversation(reply.data);
        await catchUp(own);
        historyLoaded = true;
        return;
      } catch {
        await pause(backoff(attempt));
      }
    }
  }

  function catchUp(own: WidgetSocket): Promise<void> {
    return (catchingUp =
      catchingUp ||
      (async () => {
        try {
          let after = timeline.cursor();
          for (;;) {
            const reply = await timed(own).emitWithAck('messages:since', { after, limit: PAGE });
            if (!reply.ok) throw reply.error;
            receive(reply.data, historyLoaded);
            if (reply.data.length < PAGE) break;
            after = reply.data[PAGE - 1].seq;
          }
          timeline.settle();
        } finally {
          catchingUp = null;
        }
      })());
  }

  function receive(messages: MessageView[], live: boolean) {
    let fresh = false;
    for (const message of messages) {
      if (session && message.conversationId === session.conversationId && timeline.add(message)) {
        fresh = true;
        if (message.author === 'agent') state.typing = false;
        if (live) {
          context.emit('message', message);
          if (!context.state().open && config().sound && /agent|bot/.test(message.author)) beep();
        }
      }
    }
    if (fresh) {
      changed();
      fillGap();
    }
  }

  /** A message arrived after one that did not: fetch the missing ones (again later if that fails). */
  function fillGap() {
    const own = socket;
    if (own && own.connected && timeline.hasGap() && !catchingUp) catchUp(own).catch(() => setTimeout(fillGap, 2000));
  }

  function setConversation(view: VisitorConversationView) {
    const previous = state.conversation;
    // Another conversation's, or older than what is shown (an answer overtaken by an event).
    if (!session || view.id !== session.conversationId || (previous && view.lastSeq < previous.lastSeq)) return;
    state.conversation = view;
    state.estimatedAt = Date.now();
    if (view.status !== 'active') state.typing = false;
    // The site hears of changes (a new status, another agent), not of every re-read.
    if (!previous || previous.status !== view.status || previous.agentName !== view.agentName) context.emit('status', view);
    changed();
  }

  /** Forgets the conversation; `keepUnsent`: the customer's unconfirmed messages stay, as failed. */
  function startOver(keepUnsent: boolean) {
    const own = socket;
    socket = session = null;
    if (own) own.disconnect();
    store.remove(SESSION_KEY);
    historyLoaded = false;
    timeline.clear(keepUnsent);
    Object.assign(state, blankState());
    changed();
  }

  // --- requests ------------------------------------------------------------------------------

  /**
   * Sends over the socket (starting the session first if needed) and answers the acknowledged
   * data. Throws an Error when no answer came (timeout, connection lost), or the server's error
   * body (not an Error) when it refused.
   */
  async function call<T>(send: (target: WidgetSocket) => Promise<Ack<T>>): Promise<T> {
    await ensureSession();
    const reply = await send(timed(socket as WidgetSocket));
    if (!reply.ok) throw reply.error;
    return reply.data;
  }

  function action(run: () => Promise<unknown>) {
    if (state.busy) return;
    state.busy = true;
    state.error = false;
    changed();
    run()
      .catch((error: ErrorBody | Error) => {
        state.error = !(error instanceof Error) && error.details.code === ('TOO_MANY_QUEUED' satisfies ErrorCode) ? 'tooManyQueued' : 'failed';
      })
      .then(() => {
        state.busy = false;
        changed();
      });
  }

  async function deliver(clientId: string) {
    const message = timeline.outgoing(clientId);
    if (!message) return;
    const attempt = ++message.attempt;
    message.state = 'sending';
    changed();
    // Three tries over a connection that drops; the same clientId each time.
    for (let tries = 0; tries < 3; tries++) {
      try {
        return receive([await call((target) => target.emitWithAck('message:send', { clientId, text: message.text }))], true);
      } catch (error) {
        // Refused by the server (a closed conversation, an invalid text): another try will not help.
        if (!(error instanceof Error)) break;
      }
    }
    if (timeline.outgoing(clientId) === message && message.attempt === attempt) {
      message.state = 'failed';
      changed();
    }
  }

  function stopTyping() {
    clearTimeout(typingTimer);
    if (typingSentAt && socket && socket.connected) socket.emit('typing', { isTyping: false });
    typingSentAt = 0;
  }

  context.subscribe(changed);
  adopt();

  return {
    state,
    timeline,
    config,
    phase,
    send(text) {
      const clientId = createClientId();
      timeline.queue(clientId, text.trim());
      stopTyping();
      void deliver(clientId);
    },
    retry: (clientId) => void deliver(clientId),
    escalate: () => action(async () => setConversation(await call((target) => target.emitWithAck('conversation:escalate', {})))),
    leaveQueue: () => action(async () => setConversation(await call((target) => target.emitWithAck('conversation:leave', {})))),
    rate: (score, comment) =>
      action(async () => {
        comment = comment.trim();
        try {
          setConversation(await call((target) => target.emitWithAck('csat:submit', comment ? { score, comment } : { score })));
        } catch (error) {
          if ((error as ErrorBody).details.code !== ('ALREADY_RATED' satisfies ErrorCode)) throw error;
        }
        state.rated = true;
      }),
    async leaveOfflineMessage(input) {
      const current = session as StoredSession;
      try {
        const response = await fetch(`${context.apiBase}/conversations/${current.conversationId}/offline-message`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + current.token },
          body: JSON.stringify({ ...input, clientId: offlineClientId }),
        });
        const body = await response.text();
        // ALREADY_LEFT: an earlier try (or another tab) got through.
        if (response.ok || body.includes('ALREADY_LEFT' satisfies ErrorCode)) {
          state.offlineSent = current.offlineSent = true;
          changed();
          return 'sent';
        }
        if (response.status === 401) startOver(false);
        return response.status === 400 ? 'invalid' : 'failed';
      } catch {
        return 'failed';
      }
    },
    typing() {
      const own = socket;
      if (own && own.connected && state.conversation && WRITABLE.includes(phase())) {
        if (Date.now() - typingSentAt > 2000) {
          own.emit('typing', { isTyping: true });
          typingSentAt = Date.now();
        }
        clearTimeout(typingTimer);
        typingTimer = setTimeout(stopTyping, 3000);
      }
    },
    newConversation: () => startOver(false),
  };
}
