import { io, type Socket } from 'socket.io-client';

import { NAMESPACES, SOCKET_PATH } from '../../server/src/contracts/constants';
import type { Ack, MessageView } from '../../server/src/contracts/views';

/**
 * Chat clients that behave as the real widget and desk do under faults, for load tests: each
 * holds one socket at a time, reconnects when it drops (to wherever `url()` points: the load
 * balancer's choice), then re-reads its conversations and catches up by `seq`; a push that
 * skips a `seq` fetches the missing ones; every message goes out with its own `clientId` and is
 * sent again, with the same `clientId`, until it is acknowledged. Each client's view of a
 * conversation is what it has seen: its pushes, its catch-ups and its own acknowledgements.
 */

export interface SeenMessage {
  seq: number;
  clientId: string;
  author: string;
  text: string;
}

export interface LoadCounters {
  /** Messages handed to a writer and sent at least once. */
  sent: number;
  /** Sends including resends. */
  attempts: number;
  /** Sends of a clientId sent before (after a drop, a timeout or a refusal). */
  resends: number;
  /** Resends the server answered with the message it had already stored (a duplicate avoided). */
  resendsAlreadyStored: number;
  /** Stored messages whose answer the client threw away, closing its socket (`loseFirstAnswer`). */
  answersLostOnPurpose: number;
  acked: number;
  /** Answers with a status ≥ 500. */
  serverErrors: number;
  /** Other refusals (4xx). */
  refusals: number;
  /** Sends with no answer (the socket dropped or the answer did not come in time). */
  unanswered: number;
  /** Disconnects the server made (`io server disconnect`), and all others (the node died…). */
  serverDisconnects: number;
  otherDisconnects: number;
  reconnects: number;
  /** Connection attempts refused or timed out (a node down or booting). */
  failedConnects: number;
  /** Catch-ups made because a push skipped a seq. */
  gapFills: number;
  /** Example error answers, for the report. */
  errorSamples: string[];
}

export const newCounters = (): LoadCounters => ({
  sent: 0,
  attempts: 0,
  resends: 0,
  resendsAlreadyStored: 0,
  answersLostOnPurpose: 0,
  acked: 0,
  serverErrors: 0,
  refusals: 0,
  unanswered: 0,
  serverDisconnects: 0,
  otherDisconnects: 0,
  reconnects: 0,
  failedConnects: 0,
  gapFills: 0,
  errorSamples: [],
});

const PAGE = 500;
const ANSWER_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 5000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** 50 ms, 100 ms … up to 1 s, with jitter so that clients do not come back all at once. */
const backoff = (attempt: number) => Math.min(1000, 50 * 2 ** attempt) * (0.5 + Math.random());

/** Resolves with the acknowledgement, or null when the socket drops or no answer comes in time. */
function ask<Data>(socket: Socket, event: string, payload: object): Promise<Ack<Data> | null> {
  return new Promise((resolve) => {
    const finish = (reply: Ack<Data> | null) => {
      clearTimeout(timer);
      socket.off('disconnect', lost);
      resolve(reply);
    };
    const lost = () => finish(null);
    const timer = setTimeout(lost, ANSWER_TIMEOUT_MS);
    socket.once('disconnect', lost);
    socket.emit(event, payload, finish);
  });
}

/** One conversation as a client has seen it, by seq. */
class Timeline {
  readonly bySeq = new Map<number, SeenMessage>();
  /** The highest seq up to which nothing is missing. */
  cursor = 0;

  add(message: MessageView): void {
    this.bySeq.set(message.seq, { seq: message.seq, clientId: message.clientId, author: message.author, text: message.text });
    while (this.bySeq.has(this.cursor + 1)) this.cursor += 1;
  }

  hasGap(): boolean {
    return this.bySeq.size > this.cursor;
  }

  list(): SeenMessage[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
}

/** Every client not yet stopped, so that a failed or timed-out test can stop them all. */
const runningClients = new Set<ChatClient>();

export async function stopAllClients(): Promise<void> {
  await Promise.all([...runningClients].map((client) => client.stop()));
}

export interface ChatClientOptions {
  kind: 'customer' | 'agent';
  token: string;
  /** The conversations this client follows: the customer's one, or the agent's chats. */
  conversationIds: number[];
  /** The node to (re)connect to. */
  url: () => string;
  counters: LoadCounters;
}

/** A widget (`kind: customer`) or a desk (`kind: agent`) with its socket, its views and its writers. */
export class ChatClient {
  readonly timelines = new Map<number, Timeline>();
  private socket: Socket | null = null;
  private ready = false;
  private stopped = false;
  private waiters: Array<{ resolve: (socket: Socket) => void; reject: (error: Error) => void }> = [];
  private filling = new Set<number>();
  private running: Promise<void> | null = null;
  /** Resolves when the client is stopped: no wait of the connection loop outlasts it. */
  private readonly stopping: Promise<void>;
  private markStopped: () => void = () => undefined;

  constructor(readonly options: ChatClientOptions) {
    for (const id of options.conversationIds) this.timelines.set(id, new Timeline());
    this.stopping = new Promise((resolve) => (this.markStopped = resolve));
  }

  /** Connects; resolves once the first connection has caught up. */
  start(): Promise<Socket> {
    runningClients.add(this);
    this.running = this.keepConnected();
    return this.whenReady();
  }

  /** Closes the socket; sends waiting for a connection fail. */
  async stop(): Promise<void> {
    runningClients.delete(this);
    this.stopped = true;
    this.markStopped();
    this.socket?.close();
    this.waiters.splice(0).forEach(({ reject }) => reject(new Error('the client was stopped')));
    await this.running;
  }

  /** The socket's id while connected and caught up (the server knows the socket by it). */
  connectedSocketId(): string | null {
    return this.ready && this.socket?.connected ? (this.socket.id ?? null) : null;
  }

  get namespace(): string {
    return this.options.kind === 'customer' ? NAMESPACES.widget : NAMESPACES.agent;
  }

  whenReady(): Promise<Socket> {
    if (this.stopped) return Promise.reject(new Error('the client was stopped'));
    // A socket closed a moment ago (`loseFirstAnswer`) is still `ready` until the loop notices.
    if (this.ready && this.socket?.connected) return Promise.resolve(this.socket);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  view(conversationId: number): SeenMessage[] {
    return this.timelines.get(conversationId)!.list();
  }

  /**
   * Sends one message until it is acknowledged, always with the same clientId: after a drop,
   * the client reconnects and catches up first (as the widget and the desk do), then sends again.
   * `loseFirstAnswer`: the first answer, once the server has stored the message, is thrown away
   * and the socket closed, as a lost connection does; the resend must get the stored message.
   */
  async deliver(conversationId: number, clientId: string, text: string, options: { loseFirstAnswer?: boolean } = {}): Promise<MessageView | null> {
    const { counters } = this.options;
    const payload = this.options.kind === 'customer' ? { clientId, text } : { conversationId, clientId, text };
    counters.sent += 1;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const socket = await this.whenReady();
      const attemptedAt = Date.now();
      counters.attempts += 1;
      if (attempt > 0) counters.resends += 1;
      const reply = await ask<MessageView>(socket, 'message:send', payload);
      if (attempt === 0 && options.loseFirstAnswer && reply?.ok) {
        // As if the network lost the answer and the socket with it: reconnect and send again.
        counters.answersLostOnPurpose += 1;
        socket.disconnect();
        continue;
      }
      if (!reply) {
        counters.unanswered += 1;
        continue;
      }
      if (reply.ok) {
        counters.acked += 1;
        // Stored before this attempt: an earlier attempt got through, only its answer was lost.
        if (attempt > 0 && Date.parse(reply.data.createdAt) < attemptedAt) counters.resendsAlreadyStored += 1;
        this.receive(reply.data);
        return reply.data;
      }
      if (reply.error.status >= 500) counters.serverErrors += 1;
      else counters.refusals += 1;
      if (counters.errorSamples.length < 10) counters.errorSamples.push(`${reply.error.status} ${reply.error.name}: ${reply.error.message}`);
      await pause(200);
    }
    return null;
  }

  private async keepConnected(): Promise<void> {
    const { counters } = this.options;
    let failures = 0;
    let connectedBefore = false;
    while (!this.stopped) {
      const socket = io(`${this.options.url()}${this.namespace}`, {
        path: SOCKET_PATH,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 3000,
        auth: { token: this.options.token },
      });
      socket.on('message:new', (message: MessageView) => this.receive(message));
      const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      // The namespace's answer has no timeout of its own: a handshake whose connection closes
      // first, or that is never answered, counts as failed after CONNECT_TIMEOUT_MS.
      let connectTimer: NodeJS.Timeout | undefined;
      const opened = await Promise.race([
        new Promise<boolean>((resolve) => {
          socket.once('connect', () => resolve(true));
          socket.once('connect_error', () => resolve(false));
          socket.once('disconnect', () => resolve(false));
          connectTimer = setTimeout(() => resolve(false), CONNECT_TIMEOUT_MS);
        }),
        this.stopping.then(() => false),
      ]);
      clearTimeout(connectTimer);
      if (this.stopped) {
        socket.close();
        break;
      }
      if (!opened) {
        socket.close();
        counters.failedConnects += 1;
        await pause(backoff(failures++));
        continue;
      }
      failures = 0;
      this.socket = socket;
      if (connectedBefore) counters.reconnects += 1;
      connectedBefore = true;
      if (this.stopped) break;
      if (await this.catchUpAll(socket)) {
        this.ready = true;
        this.waiters.splice(0).forEach(({ resolve }) => resolve(socket));
      } else {
        socket.disconnect();
      }
      const reason = await Promise.race([gone, this.stopping.then(() => 'stopped')]);
      this.ready = false;
      if (this.stopped) break;
      if (reason === 'io server disconnect') counters.serverDisconnects += 1;
      else counters.otherDisconnects += 1;
      socket.close();
    }
  }

  /** On every connect: re-read each conversation (an agent socket re-joins its room), then fetch what was missed. */
  private async catchUpAll(socket: Socket): Promise<boolean> {
    for (const conversationId of this.timelines.keys()) {
      const reread = await ask(socket, 'conversation:get', this.options.kind === 'customer' ? {} : { conversationId });
      if (!reread?.ok) return false;
    }
    for (const conversationId of this.timelines.keys()) {
      if (!(await this.catchUp(socket, conversationId))) return false;
    }
    return true;
  }

  private async catchUp(socket: Socket, conversationId: number): Promise<boolean> {
    const timeline = this.timelines.get(conversationId)!;
    for (;;) {
      const query = { after: timeline.cursor, limit: PAGE };
      const page = await ask<MessageView[]>(socket, 'messages:since', this.options.kind === 'customer' ? query : { conversationId, ...query });
      if (!page?.ok) return false;
      page.data.forEach((message) => timeline.add(message));
      if (page.data.length < PAGE) return true;
    }
  }

  private receive(message: MessageView): void {
    const timeline = this.timelines.get(message.conversationId);
    if (!timeline) return;
    timeline.add(message);
    if (timeline.hasGap()) void this.fillGap(message.conversationId);
  }

  /**
   * A push skipped a seq: pushes of messages stored one after another can overtake each other,
   * so look again a moment later, and fetch what is still missing (as the widget does).
   */
  private async fillGap(conversationId: number): Promise<void> {
    if (this.filling.has(conversationId)) return;
    this.filling.add(conversationId);
    try {
      await pause(100);
      const timeline = this.timelines.get(conversationId)!;
      while (timeline.hasGap() && this.ready && this.socket?.connected && !this.stopped) {
        this.options.counters.gapFills += 1;
        const before = timeline.cursor;
        if (!(await this.catchUp(this.socket, conversationId)) || timeline.cursor === before) break;
      }
    } finally {
      this.filling.delete(conversationId);
    }
  }
}
