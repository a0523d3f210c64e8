import type { Core } from '@strapi/strapi';

import { ACTIONS } from '../../constants';
import {
  agentSocketSchemas,
  emptyBodySchema,
  MESSAGES_PAGE_DEFAULT,
  presenceSchema,
  queueQuerySchema,
} from '../../contracts/conversation';
import { forbidden } from '../../errors';
import { sessionKey } from '../../services/agent-access';
import { getService } from '../../utils/get-service';
import { rooms } from '../rooms';
import { ConnectionRefusedError, type AgentNamespace } from '../socket-server';
import { handleEvent } from './handle';

type AgentSocket = Parameters<Parameters<AgentNamespace['on']>[1]>[0];

/** Puts an agent's sockets in the rooms of the conversations the agent is chatting in. */
async function joinOwnConversations(strapi: Core.Strapi, agentId: number, sockets: readonly AgentSocket[]): Promise<void> {
  const { data } = await getService('queue', { strapi }).snapshot(agentId, { page: 1, pageSize: 100 });
  const conversationRooms = data.mine.map((card) => rooms.conversation(card.id));
  await Promise.all(sockets.map((socket) => socket.join(conversationRooms)));
}

/**
 * After a Redis outage: joins made on another node meanwhile (a claim, a transfer) never reached
 * this node's sockets, so every chatting agent's sockets here join their conversations again.
 */
export async function rejoinOwnConversations(strapi: Core.Strapi, agent: AgentNamespace): Promise<void> {
  const byAgent = new Map<number, AgentSocket[]>();
  for (const socket of agent.sockets.values()) {
    if (socket.data.canChat) byAgent.set(socket.data.agentId, [...(byAgent.get(socket.data.agentId) ?? []), socket]);
  }
  for (const [agentId, sockets] of byAgent) await joinOwnConversations(strapi, agentId, sockets);
}

/**
 * `/agent`: admin users with the plugin's `read` permission. The handshake checks the admin
 * access token as Strapi's admin auth strategy does; actions that change anything also need
 * the `chat` permission, checked per event as the REST routes check it. Open sockets are
 * checked again every `accessRecheckMs`, so logging out, deactivating a user or changing their
 * role reaches sockets that are already connected. Returns a function that stops the checks.
 */
export function registerAgentHandlers(
  strapi: Core.Strapi,
  agent: AgentNamespace,
  options: { accessRecheckMs: number },
): () => void {
  const assignment = () => getService('assignment', { strapi });
  const chat = () => getService('chat', { strapi });
  const views = () => getService('conversationViews', { strapi });

  const recheckOpenSockets = async () => {
    const sockets = [...agent.sockets.values()];
    if (sockets.length === 0) return;
    // One check per session, however many tabs it has open, and all of them in a few queries.
    const checks = await getService('agents', { strapi }).recheckAccess(sockets.map((socket) => socket.data));
    for (const socket of sockets) {
      const access = checks.get(sessionKey(socket.data));
      if (!access) continue;
      if (!access.allowed) {
        socket.emit('access:revoked', { code: 'SESSION_ENDED' });
        socket.disconnect(true);
      } else {
        socket.data.canChat = access.canChat;
      }
    }
  };
  let rechecking = false;
  const recheckTimer = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    recheckOpenSockets()
      .catch((error: unknown) => strapi.log.error(`[live-support] agent access re-check failed: ${(error as Error).message}`))
      .finally(() => {
        rechecking = false;
      });
  }, options.accessRecheckMs);
  recheckTimer.unref();

  agent.use((socket, next) => {
    getService('agents', { strapi })
      .authenticate(socket.handshake.auth?.token)
      .then((authenticated) => {
        if (!authenticated) return next(new ConnectionRefusedError('UNAUTHORIZED'));
        if (!authenticated.ability.can(ACTIONS.read)) return next(new ConnectionRefusedError('FORBIDDEN'));
        socket.data.agentId = authenticated.user.id;
        socket.data.sessionId = authenticated.sessionId;
        socket.data.canChat = authenticated.ability.can(ACTIONS.chat);
        next();
      })
      .catch(() => next(new ConnectionRefusedError('UNAUTHORIZED')));
  });

  agent.on('connection', (socket) => {
    const { agentId, canChat } = socket.data;
    void socket.join([rooms.agents, rooms.agent(agentId)]);

    /** Actions that change anything need the `chat` permission, as their REST routes do. */
    const chatOnly = {
      guard: () => {
        if (!socket.data.canChat) throw forbidden('The chat permission is needed for this action', { action: ACTIONS.chat });
      },
    };
    const presence = getService('presence', { strapi });

    const cameOnline = canChat
      ? presence.socketConnected(agentId).catch((error: unknown) => {
          strapi.log.error(`[live-support] presence update failed: ${(error as Error).message}`);
        })
      : Promise.resolve();
    if (canChat) {
      // Back in the rooms of the conversations this agent is chatting in, after a reconnect too.
      void joinOwnConversations(strapi, agentId, [socket]).catch((error: unknown) => {
        strapi.log.error(`[live-support] could not rejoin an agent's conversations: ${(error as Error).message}`);
      });
    }
    // Messages left while nobody was there are announced when an agent comes back: after the
    // connection has brought them online, so that a desk acting on the announcement sees them online.
    void cameOnline
      .then(() => getService('offlineInbox', { strapi }).countNew())
      .then((count) => {
        if (count > 0) socket.emit('offline-messages:pending', { count });
      })
      .catch(() => undefined);
    socket.on('disconnect', () => {
      if (!canChat) return;
      void presence.socketDisconnected(agentId).catch((error: unknown) => {
        strapi.log.error(`[live-support] presence update failed: ${(error as Error).message}`);
      });
    });

    socket.on(
      'queue:get',
      handleEvent(strapi, agentSocketSchemas.queue, (paging) =>
        getService('queue', { strapi }).snapshot(agentId, queueQuerySchema.parse(paging)),
      ),
    );
    socket.on('agents:get', handleEvent(strapi, emptyBodySchema, () => getService('agents', { strapi }).presenceList()));
    socket.on(
      'conversation:get',
      handleEvent(strapi, agentSocketSchemas.conversationRef, async ({ conversationId }) => {
        const view = await views().agentView(conversationId);
        // Watching a conversation: its new messages and typing reach this socket from now on.
        await socket.join(rooms.conversation(conversationId));
        return view;
      }),
    );
    socket.on(
      'messages:since',
      handleEvent(strapi, agentSocketSchemas.messagesSince, ({ conversationId, after, limit }) =>
        views().messagesAfter(conversationId, after, limit ?? MESSAGES_PAGE_DEFAULT),
      ),
    );
    socket.on(
      'conversation:claim',
      handleEvent(
        strapi,
        agentSocketSchemas.conversationRef,
        ({ conversationId }) => assignment().claim(conversationId, agentId),
        chatOnly,
      ),
    );
    socket.on(
      'message:send',
      handleEvent(
        strapi,
        agentSocketSchemas.message,
        ({ conversationId, ...message }) => chat().postAgentMessage(conversationId, agentId, message),
        chatOnly,
      ),
    );
    socket.on(
      'conversation:transfer',
      handleEvent(
        strapi,
        agentSocketSchemas.transfer,
        ({ conversationId, ...transfer }) => assignment().transfer(conversationId, agentId, transfer),
        chatOnly,
      ),
    );
    socket.on(
      'conversation:resolve',
      handleEvent(
        strapi,
        agentSocketSchemas.conversationRef,
        ({ conversationId }) => assignment().resolve(conversationId, agentId),
        chatOnly,
      ),
    );
    socket.on(
      'presence:set',
      handleEvent(strapi, presenceSchema, ({ status }) => presence.set(agentId, status), chatOnly),
    );
    socket.on(
      'typing',
      handleEvent(
        strapi,
        agentSocketSchemas.typing,
        ({ conversationId, isTyping }) => chat().agentTyping(conversationId, agentId, isTyping),
        chatOnly,
      ),
    );
  });

  return () => clearInterval(recheckTimer);
}
