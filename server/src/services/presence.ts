import type { Core } from '@strapi/strapi';

import type { PluginConfig } from '../contracts/plugin-config';
import type { AgentPresenceView } from '../contracts/views';
import type { PresenceStatus } from '../domain/seats';
import { rooms } from '../realtime/rooms';
import { getService } from '../utils/get-service';

/**
 * Agent presence from their sockets: the first socket brings an offline agent online; when the
 * last one (on any node) disconnects, the agent goes offline after a grace period, so that a
 * page reload or a brief network loss does not bounce them out of the queue.
 */
const presenceService = ({ strapi }: { strapi: Core.Strapi }) => {
  const graceTimers = new Map<number, NodeJS.Timeout>();
  const agents = () => getService('agents', { strapi });
  const notifier = () => getService('notifier', { strapi });

  async function change(agentId: number, status: PresenceStatus): Promise<void> {
    const { changed } = await agents().setPresence(agentId, status);
    if (changed) await notifier().presenceChanged(agentId);
  }

  async function hasSockets(agentId: number): Promise<boolean> {
    const server = getService('realtime', { strapi }).get();
    if (!server) return false;
    const sockets = await server.agent.in(rooms.agent(agentId)).fetchSockets();
    return sockets.length > 0;
  }

  return {
    /** The agent's own choice (online, away, offline); answers their line of the agents list. */
    async set(agentId: number, status: PresenceStatus): Promise<AgentPresenceView> {
      await change(agentId, status);
      const view = await agents().presenceView(agentId);
      if (!view) throw new Error('presence of the current agent is missing');
      return view;
    },

    async socketConnected(agentId: number): Promise<void> {
      const timer = graceTimers.get(agentId);
      if (timer) {
        clearTimeout(timer);
        graceTimers.delete(agentId);
      }
      if ((await agents().presenceOf(agentId)) === 'offline') await change(agentId, 'online');
    },

    async socketDisconnected(agentId: number): Promise<void> {
      if (await hasSockets(agentId)) return;
      const existing = graceTimers.get(agentId);
      if (existing) clearTimeout(existing);
      const { presenceGracePeriodMs } = strapi.config.get('plugin::live-support') as PluginConfig;
      const timer = setTimeout(() => {
        graceTimers.delete(agentId);
        void (async () => {
          if (await hasSockets(agentId)) return;
          await change(agentId, 'offline');
        })().catch((error: unknown) => {
          strapi.log.error(`[live-support] presence update failed: ${(error as Error).message}`);
        });
      }, presenceGracePeriodMs);
      timer.unref();
      graceTimers.set(agentId, timer);
    },

    stop(): void {
      for (const timer of graceTimers.values()) clearTimeout(timer);
      graceTimers.clear();
    },
  };
};

export default presenceService;
