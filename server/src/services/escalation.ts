import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../contracts/plugin-config';
import type { Settings } from '../contracts/settings';
import type { VisitorConversationView } from '../contracts/views';
import { formatOpening } from '../domain/canned-replies';
import type { EscalationTrigger } from '../domain/conversation-status';
import { mayJoinQueueFromAddress } from '../domain/queued-per-address';
import { forbidden, RateLimitError } from '../errors';
import { getService } from '../utils/get-service';
import type { Actor, ConversationRow } from './conversation-store';
import type { Availability } from './opening-hours';

export interface EscalationRequest {
  trigger: EscalationTrigger;
  reason?: string;
  actor: Actor;
}

/** Why a conversation goes to the offline flow instead of the queue. */
type Unavailable = 'closed' | 'queue_full' | 'no_agent_online';

/**
 * Handing a conversation from the bot to people: into the queue when live support can take
 * it, otherwise into the offline flow (closed, the queue full, or nobody online when that is
 * required), where the customer may leave a message for later.
 */
const escalationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => getService('conversationStore', { strapi });

  async function unavailableBecause(settings: Settings, availability: Availability): Promise<Unavailable | null> {
    if (!availability.open) return 'closed';
    if ((await store().countWaiting()) >= settings.queue.maxQueueLength) return 'queue_full';
    if (settings.queue.requireOnlineAgent && (await getService('agents', { strapi }).countOnline()) === 0) {
      return 'no_agent_online';
    }
    return null;
  }

  /**
   * Refuses a conversation into the queue while `rateLimit.queuedConversationsPerIp` others from
   * its address wait there: counted in the database under the queue lock, so it holds across nodes.
   */
  async function assertAddressMayQueue(conversation: ConversationRow): Promise<void> {
    const { rateLimit } = strapi.config.get('plugin::live-support') as PluginConfig;
    const addressKey = conversation.customerAddressKey ?? null;
    const cap = rateLimit.queuedConversationsPerIp;
    if (cap <= 0 || addressKey === null) return;
    const queuedFromAddress = await store().countWaitingFrom(addressKey);
    if (!mayJoinQueueFromAddress({ addressKey, queuedFromAddress, cap })) {
      throw new RateLimitError(`${cap} chats from this address are already waiting for a person; wait until one is answered`, {
        code: 'TOO_MANY_QUEUED',
        queuedConversationsPerIp: cap,
      });
    }
  }

  /** The locked part of an escalation: the queue's length is read and acted on as one step. */
  async function enterQueueOrOffline(
    conversation: ConversationRow,
    request: EscalationRequest,
    settings: Settings,
    availability: Availability,
    now: Date,
  ): Promise<{ row: ConversationRow; unavailable: Unavailable | null }> {
    const unavailable = await unavailableBecause(settings, availability);
    // The address key was read before the lock, which is enough: only the count must be locked.
    if (!unavailable) await assertAddressMayQueue(conversation);
    const id = conversation.id;
    const escalation = { escalationTrigger: request.trigger, escalationReason: request.reason ?? null };
    const row = unavailable
      ? await store().transition(id, 'go_offline', {
          actor: request.actor,
          now,
          patch: { ...escalation, offlineAt: now },
          eventData: {
            trigger: request.trigger,
            reason: request.reason ?? null,
            unavailable,
            nextOpeningAt: availability.nextOpeningAt?.toISOString() ?? null,
          },
        })
      : await store().transition(id, 'escalate', {
          actor: request.actor,
          now,
          patch: { ...escalation, queuedAt: now, queueEnteredAt: now },
          eventData: { trigger: request.trigger, reason: request.reason ?? null },
        });
    return { row, unavailable };
  }

  /** The customer's notice of where the escalation went: the queue, or why not. */
  async function postOutcome(row: ConversationRow, unavailable: Unavailable | null, availability: Availability): Promise<void> {
    const chat = getService('chat', { strapi });
    if (!unavailable) return chat.postSystemMessage(row, 'queued');
    if (unavailable === 'queue_full') return chat.postSystemMessage(row, 'offline_queue_full');
    if (unavailable === 'no_agent_online') return chat.postSystemMessage(row, 'offline_no_agent');
    const { timeZone } = await getService('openingHours', { strapi }).get();
    const at = availability.nextOpeningAt;
    return chat.postSystemMessage(row, 'offline_closed', at ? { nextOpening: formatOpening(at, timeZone, row.language) } : {});
  }

  return {
    /**
     * Moves a bot conversation to the queue, or to the offline flow when live support is
     * unavailable (closed, or the queue is at its maximum length). Refused with 429
     * `TOO_MANY_QUEUED` while its address has as many conversations waiting as it may. Asking again while already
     * queued or active changes nothing and answers the conversation as it is.
     */
    async escalate(id: number, request: EscalationRequest, now: Date = new Date()): Promise<VisitorConversationView> {
      const views = getService('conversationViews', { strapi });
      const conversation = await store().find(id);
      if (conversation.status === 'queued' || conversation.status === 'active') return views.visitorViewOf(conversation);

      const settings = await getService('settings', { strapi }).get();
      if (request.trigger === 'button' && !settings.escalation.buttonEnabled) {
        throw forbidden('The "talk to a person" button is switched off', { code: 'BUTTON_DISABLED' });
      }
      const availability = await getService('openingHours', { strapi }).currentAvailability(settings.queue, now);
      const { row: updated, unavailable } = await store().withQueueLock(() =>
        enterQueueOrOffline(conversation, request, settings, availability, now),
      );
      await postOutcome(updated, unavailable, availability);
      // The notice just posted moved the last message: one read serves the desks and the answer.
      const current = await store().find(id);
      return getService('notifier', { strapi }).conversationChanged(id, current);
    },

    /** The customer's "talk to a person" button, over REST or the socket. */
    async requestByCustomer(id: number, reason?: string): Promise<VisitorConversationView> {
      return this.escalate(id, { trigger: 'button', reason, actor: { kind: 'customer' } });
    },

    /** An external bot handing over through the bot API. */
    async requestByBot(id: number, reason?: string): Promise<VisitorConversationView> {
      return this.escalate(id, { trigger: 'api', reason: reason ?? 'requested over the bot API', actor: { kind: 'bot' } });
    },
  };
};

export default escalationService;
