import type { Core } from '@strapi/strapi';

import type { MessageView, QueueStanding, VisitorConversationView } from '../contracts/views';
import { shouldRelayTyping, type TypingState } from '../domain/typing-relay';
import { rooms } from '../realtime/rooms';
import { coalesce } from '../utils/coalesce';
import { getService } from '../utils/get-service';
import type { ConversationRow } from './conversation-store';
import type { Standing } from './queue-standings';

const MAX_TYPING_REMEMBERED = 10_000;
/** After pushing queue places, how long further changes wait to share one more push. */
const POSITION_PUSH_SPACING_MS = 500;

/** The waiting line as read once, numbered in the order of the reads. */
interface Line {
  standings: Map<number, Standing>;
  read: number;
}

/**
 * Tells the connected clients what changed, after it is stored. Rooms span nodes once a
 * Socket.IO adapter is configured, so one node's emit reaches every node's sockets.
 */
const notifierService = ({ strapi }: { strapi: Core.Strapi }) => {
  const server = () => getService('realtime', { strapi }).get();
  const lastSentStanding = new Map<number, string>();
  /** Who is typing where, as last pushed from this node: an entry while typing, none when not. */
  const typingRelayed = new Map<string, TypingState>();

  /** Whether this typing signal changes what the other side sees; remembers it if so. */
  function typingChanged(key: string, isTyping: boolean, now: number): boolean {
    if (!shouldRelayTyping(typingRelayed.get(key), isTyping, now)) return false;
    typingRelayed.delete(key);
    if (isTyping) typingRelayed.set(key, { isTyping, relayedAt: now });
    // A tab closed mid-word never sends "stopped": forget the oldest beyond a bound.
    while (typingRelayed.size > MAX_TYPING_REMEMBERED) typingRelayed.delete(typingRelayed.keys().next().value as string);
    return true;
  }
  // Reads of the line are numbered; one read's places are pushed only if no later read's were.
  let standingsRead = 0;
  let standingsPushed = 0;

  /** The line as it is now, numbered so that an older read never overwrites a newer one's pushes. */
  async function readStandings(): Promise<Line> {
    const read = ++standingsRead;
    return { standings: await getService('queueStandings', { strapi }).standings(), read };
  }

  /** Every waiting customer's place and estimate, pushed where they changed. */
  function pushStandings({ standings, read }: Line): void {
    const realtime = server();
    if (!realtime || read < standingsPushed) return;
    standingsPushed = read;
    // With several nodes, another node may have sent a newer place since this one last did, so
    // this node's memory of what it sent cannot say what the customer sees: send them all.
    const remembersWhatCustomersSee = !getService('realtime', { strapi }).isShared();
    for (const [conversationId, standing] of standings) {
      const payload: QueueStanding & { conversationId: number } = { conversationId, ...standing };
      const fingerprint = JSON.stringify(payload);
      if (remembersWhatCustomersSee && lastSentStanding.get(conversationId) === fingerprint) continue;
      lastSentStanding.set(conversationId, fingerprint);
      realtime.widget.to(rooms.conversation(conversationId)).emit('queue:position', payload);
    }
    for (const conversationId of lastSentStanding.keys()) {
      if (!standings.has(conversationId)) lastSentStanding.delete(conversationId);
    }
  }

  /** The newest line a change read and handed over for pushing, not pushed yet. */
  let lineInHand: Line | null = null;
  /** A change that read no line came when this many reads had begun: a line read later covers it. */
  let lineNeededAfterRead: number | null = null;

  /**
   * Pushes the places of the newest line: the one a change handed over, or a fresh read when a
   * change without a line of its own came after it. After a push, the changes of the next
   * moment wait and share one more push, so that a burst of changes (a sweep, escalations
   * racing, desks on several nodes) costs each waiting customer a couple of pushes rather than
   * one per change, the last one with the newest line.
   */
  const pushStandingsCoalesced = coalesce(
    async () => {
      const inHand = lineInHand;
      const mustRead = lineNeededAfterRead !== null && (inHand === null || inHand.read <= lineNeededAfterRead);
      lineInHand = null;
      lineNeededAfterRead = null;
      const line = mustRead ? (server() ? await readStandings() : null) : inHand;
      if (!line) return;
      pushStandings(line);
      await new Promise((resolve) => setTimeout(resolve, POSITION_PUSH_SPACING_MS).unref());
    },
    (error) => strapi.log.error(`[live-support] pushing queue positions failed: ${error.message}`),
  );

  /** Hands a line read for a change over to the coalesced push. */
  function pushLine(line: Line): void {
    if (lineInHand === null || line.read > lineInHand.read) lineInHand = line;
    void pushStandingsCoalesced();
  }

  /** Every open widget, on every node, gets the configuration as it now is. */
  const pushWidgetConfig = coalesce(
    async () => {
      const realtime = server();
      if (realtime) realtime.widget.emit('config:changed', await getService('widgetConfig', { strapi }).get());
    },
    (error) => strapi.log.error(`[live-support] pushing the widget configuration failed: ${error.message}`),
  );

  return {
    /**
     * Settings, opening hours or customer texts changed: the widgets follow without a reload.
     * The configuration travels with the event (it is the same for every customer), so a change
     * costs no request from each widget. Bursts of saves coalesce.
     */
    widgetConfigChanged(): Promise<void> {
      return pushWidgetConfig();
    },

    /** A stored message reaches the customer and the agents watching; the caller built its view once for both and its own answer. */
    messageCreated(message: MessageView): void {
      const realtime = server();
      if (!realtime) return;
      realtime.widget.to(rooms.conversation(message.conversationId)).emit('message:new', message);
      realtime.agent.to(rooms.conversation(message.conversationId)).emit('message:new', message);
    },

    /**
     * One conversation changed (status, priority, customer): its customer gets their view, the
     * desks its card, and every waiting customer whose place or estimate moved gets it (bursts
     * coalesce, see `pushStandingsCoalesced`). The line is read once for all three, so the cost
     * of a change does not grow with the queue. `conversation` is the row as it now is, when
     * the caller has just read it. Resolves to the customer's view (the one pushed), which a
     * caller answering the customer sends as it is.
     */
    async conversationChanged(conversationId: number, conversation?: ConversationRow): Promise<VisitorConversationView> {
      const views = getService('conversationViews', { strapi });
      const row = conversation ?? (await getService('conversationStore', { strapi }).find(conversationId));
      const realtime = server();
      if (!realtime) return views.visitorViewOf(row);
      const line = await readStandings();
      const [visitorView, [card]] = await Promise.all([views.visitorViewOf(row, line.standings), views.cardViews([row], line.standings)]);
      realtime.widget.to(rooms.conversation(conversationId)).emit('conversation:status', visitorView);
      realtime.agent.to(rooms.agents).emit('queue:changed', { conversation: card });
      pushLine(line);
      return visitorView;
    },

    /**
     * Recomputes every waiting customer's place and estimate and pushes those that changed.
     * Bursts of changes coalesce into one run plus, at most, one more after it; the promise
     * settles when the burst's pushes are done.
     */
    queueChanged(): Promise<void> {
      lineNeededAfterRead = standingsRead;
      return pushStandingsCoalesced();
    },

    /**
     * The agent's sockets on every node join the conversation. With Redis, the adapter makes even
     * this node's join through Redis; the local join first keeps this node's sockets right while
     * Redis is away (joining twice is harmless).
     */
    async agentJoined(agentId: number, conversationId: number): Promise<void> {
      const agentSockets = server()?.agent.in(rooms.agent(agentId));
      agentSockets?.local.socketsJoin(rooms.conversation(conversationId));
      agentSockets?.socketsJoin(rooms.conversation(conversationId));
    },

    async agentLeft(agentId: number, conversationId: number): Promise<void> {
      const agentSockets = server()?.agent.in(rooms.agent(agentId));
      agentSockets?.local.socketsLeave(rooms.conversation(conversationId));
      agentSockets?.socketsLeave(rooms.conversation(conversationId));
    },

    async offlineMessageLeft(message: { id: number; conversationId: number; name: string | null; createdAt: string }): Promise<void> {
      server()?.agent.to(rooms.agents).emit('offline-message:new', message);
      await this.offlineInboxChanged();
    },

    /** Tells an agent (all their tabs) that a customer of theirs waits for an answer. */
    async agentReminder(agentId: number, reminder: { conversationId: number; customerName: string | null; waitingSince: Date }): Promise<void> {
      server()
        ?.agent.to(rooms.agent(agentId))
        .emit('conversation:reminder', { ...reminder, waitingSince: reminder.waitingSince.toISOString() });
    },

    /** An offline message arrived, was marked or answered: every desk's unread count follows. */
    async offlineInboxChanged(): Promise<void> {
      const realtime = server();
      if (!realtime) return;
      const count = await getService('offlineInbox', { strapi }).countNew();
      realtime.agent.to(rooms.agents).emit('offline-messages:pending', { count });
    },

    /** The customer typing, or stopping: a repeat that changes nothing is not pushed (see `domain/typing-relay`). */
    customerTyping(conversationId: number, isTyping: boolean, now: number = Date.now()): void {
      if (!typingChanged(`customer:${conversationId}`, isTyping, now)) return;
      server()?.agent.to(rooms.conversation(conversationId)).emit('typing', { conversationId, author: 'customer', isTyping });
    },

    /** The assigned agent typing, or stopping: a repeat that changes nothing is not pushed. */
    agentTyping(conversationId: number, agentName: string | null, isTyping: boolean, now: number = Date.now()): void {
      if (!typingChanged(`agent:${conversationId}`, isTyping, now)) return;
      server()
        ?.widget.to(rooms.conversation(conversationId))
        .emit('typing', { conversationId, author: 'agent', agentName, isTyping });
    },

    async presenceChanged(agentId: number): Promise<void> {
      const realtime = server();
      if (realtime) {
        const presence = await getService('agents', { strapi }).presenceView(agentId);
        if (presence) realtime.agent.to(rooms.agents).emit('presence:changed', presence);
      }
      this.queueChanged();
    },
  };
};

export default notifierService;
