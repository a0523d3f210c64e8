import { isDeepStrictEqual } from 'node:util';

import type { Core } from '@strapi/strapi';

import type { CsatInput, CustomerDetailsInput, StartSessionInput } from '../contracts/conversation';
import type { VisitorConversationView } from '../contracts/views';
import { decideIdentity, type CurrentIdentity, type IdentityDecision } from '../domain/identity';
import { isVipEmail } from '../domain/queue';
import { ADDRESS_KEY_MAX_LENGTH } from '../domain/queued-per-address';
import { conflict, forbidden } from '../errors';
import { toDate } from '../utils/dates';
import { getService } from '../utils/get-service';
import { isOpenForMessages } from './conversation-guards';
import type { ConversationPatch, ConversationRow } from './conversation-store';

/**
 * The customer's side of a conversation's life: starting a chat, the details the site gives
 * about them, the VIP flag and priority that trusted server code sets, leaving and rating.
 */
const customersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => getService('conversationStore', { strapi });
  const notifier = () => getService('notifier', { strapi });
  const visitorView = (id: number) => getService('conversationViews', { strapi }).visitorView(id);
  const settings = () => getService('settings', { strapi }).get();

  /**
   * Whether the identity the page gives (as it will stand) is verified; a refused one throws,
   * before anything is stored. An email makes the conversation VIP only when verified: anyone
   * can type an email.
   */
  async function checkIdentity(
    identity: { externalId: string | null; email: string | null; userHash?: string },
    current?: CurrentIdentity,
  ): Promise<{ verified: boolean; vip: boolean }> {
    const { identity: policy, queue } = await settings();
    const decision: IdentityDecision = decideIdentity(
      { mode: policy.verification, secret: policy.secret },
      { externalId: identity.externalId, email: identity.email, userHash: identity.userHash ?? null },
      current,
    );
    if (decision.outcome === 'refused') {
      const refusal = { code: decision.code };
      throw decision.code === 'VERIFIED_IDENTITY_LOCKED' ? conflict(decision.reason, refusal) : forbidden(decision.reason, refusal);
    }
    const verified = decision.outcome === 'verified';
    return { verified, vip: verified && isVipEmail(identity.email, queue.vipEmailDomains) };
  }

  return {
    /**
     * A new chat. `addressKey` is the key the per-address limits count the caller's address
     * under (see `domain/client-address`): kept with the conversation for the cap on queued
     * conversations per address; server code starting a chat passes none.
     */
    async startSession(
      input: StartSessionInput,
      now: Date = new Date(),
      addressKey: string | null = null,
    ): Promise<{ token: string; conversation: VisitorConversationView }> {
      const identity = await checkIdentity({ externalId: input.externalId ?? null, email: input.email ?? null, userHash: input.userHash });
      const created = await store().create(
        {
          isVip: identity.vip,
          identityVerified: identity.verified,
          language: input.locale ?? 'fi',
          customerName: input.name ?? null,
          customerEmail: input.email ?? null,
          customerPhone: input.phone ?? null,
          externalId: input.externalId ?? null,
          metadata: input.metadata ?? null,
          customerAddressKey: addressKey?.slice(0, ADDRESS_KEY_MAX_LENGTH) ?? null,
        },
        { kind: 'customer' },
        now,
      );
      const token = getService('visitorTokens', { strapi }).issue(created.id);
      return { token, conversation: await visitorView(created.id) };
    },

    /**
     * The customer's details given by the site after the chat started (`identify()`); what is
     * left out stays. A verified email in a VIP domain makes the conversation VIP (never the
     * reverse: server code may have marked it). A verified name, email or external id changes
     * only with a userHash that signs the new identity.
     */
    async updateCustomer(id: number, details: CustomerDetailsInput): Promise<VisitorConversationView> {
      const conversation = await store().find(id);
      if (!isOpenForMessages(conversation.status)) {
        throw conflict(`The conversation is ${conversation.status}`, { code: 'CONVERSATION_CLOSED', status: conversation.status });
      }
      const next = {
        externalId: details.externalId ?? conversation.externalId ?? null,
        email: details.email ?? conversation.customerEmail ?? null,
      };
      const changesIdentity =
        (details.name !== undefined && details.name !== conversation.customerName) ||
        next.externalId !== (conversation.externalId ?? null) ||
        next.email !== (conversation.customerEmail ?? null);
      const identity = await checkIdentity(
        { ...next, userHash: details.userHash },
        { verified: Boolean(conversation.identityVerified), changesIdentity },
      );
      const data: ConversationPatch = { identityVerified: identity.verified };
      if (details.name !== undefined) data.customerName = details.name;
      if (details.email !== undefined) data.customerEmail = details.email;
      if (details.phone !== undefined) data.customerPhone = details.phone;
      if (details.externalId !== undefined) data.externalId = details.externalId;
      if (details.metadata !== undefined) data.metadata = details.metadata;
      if (identity.vip) data.isVip = true;
      // The same details again (a page calling identify() on every load) store and push nothing.
      const changed = Object.entries(data).filter(([key, value]) => !isDeepStrictEqual(value ?? null, conversation[key as keyof ConversationRow] ?? null));
      if (changed.length === 0) return visitorView(id);
      await store().update(id, Object.fromEntries(changed));
      return notifier().conversationChanged(id);
    },

    /**
     * VIP flag and priority, set by trusted server code (never by the widget): VIP
     * conversations go to the front of the queue, then higher priority.
     */
    async setPriority(id: number, input: { isVip?: boolean; priority?: number }): Promise<void> {
      await store().find(id);
      const data: ConversationPatch = {};
      if (input.isVip !== undefined) data.isVip = input.isVip;
      if (input.priority !== undefined) data.priority = Math.trunc(input.priority);
      if (Object.keys(data).length === 0) return;
      await store().update(id, data);
      await notifier().conversationChanged(id);
    },

    async leave(id: number, now: Date = new Date()): Promise<VisitorConversationView> {
      await store().transition(id, 'abandon', { actor: { kind: 'customer' }, now, patch: { abandonedAt: now } });
      return notifier().conversationChanged(id);
    },

    async rate(id: number, input: CsatInput, now: Date = new Date()): Promise<VisitorConversationView> {
      const conversation = await store().find(id);
      if (conversation.status !== 'resolved') {
        throw conflict('Only a resolved conversation can be rated', { code: 'NOT_RESOLVED', status: conversation.status });
      }
      await store().applyGuarded(id, {
        where: { status: 'resolved', csatScore: { $null: true } },
        data: { csatScore: input.score, csatComment: input.comment ?? null, csatAt: now },
        event: {
          kind: 'rated',
          fromStatus: 'resolved',
          toStatus: 'resolved',
          actor: { kind: 'customer' },
          occurredAt: now,
          data: { score: input.score, hasComment: Boolean(input.comment) },
        },
        lost: () => conflict('The conversation has already been rated', { code: 'ALREADY_RATED' }),
      });
      // A rating can come after the conversation's day was rolled up: that day is counted again.
      await getService('analyticsRollup', { strapi }).invalidate([toDate(conversation.createdAt) ?? now]);
      return notifier().conversationChanged(id);
    },
  };
};

export default customersService;
