import type { Core } from '@strapi/strapi';

import { ACTIONS, UID } from '../constants';
import type { AgentPresenceView } from '../contracts/views';
import type { AgentLoad, PresenceStatus } from '../domain/seats';
import { getService } from '../utils/get-service';
import { checkSessionsAccess, type AgentSession } from './agent-access';

export interface AdminUser {
  id: number;
  firstname: string | null;
  lastname: string | null;
  username: string | null;
  email: string;
  isActive: boolean;
}

/** The part of Strapi's CASL ability we use. */
export interface AdminAbility {
  can(action: string, subject?: unknown): boolean;
}

export interface AuthenticatedAgent {
  user: AdminUser;
  ability: AdminAbility;
  /** The admin session the token belongs to; logging out ends it. */
  sessionId: string;
}

/** What an open agent socket may still do, re-checked while it stays connected. */
export type AgentAccess = { allowed: false } | { allowed: true; canChat: boolean };

interface SessionManager {
  (origin: 'admin'): {
    validateAccessToken(token: string): { isValid: boolean; payload: { userId: string; sessionId: string } };
    isSessionActive(sessionId: string): Promise<boolean>;
  };
}

/** A backstop for a change made where no notice reaches this node (see `watchNameChanges`). */
const NAME_CACHE_MS = 60_000;

/** What customers see of an agent: the first name (or username), never the email. */
export function agentDisplayName(user: Pick<AdminUser, 'firstname' | 'lastname' | 'username' | 'email'>): string {
  return user.firstname?.trim() || user.username?.trim() || user.email.split('@')[0];
}

/** Agents are Strapi admin users; this service knows their names, presence, seats and rights. */
const agentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const names = new Map<number, { name: string; at: number }>();
  let watchingNames = false;

  const permissionEngine = () =>
    (strapi.admin.services.permission as unknown as {
      engine: { generateUserAbility(user: unknown): Promise<AdminAbility> };
    }).engine;

  const findUser = (id: number) =>
    strapi.db.query('admin::user').findOne({ where: { id }, populate: ['roles'] }) as Promise<
      (AdminUser & { roles: unknown[] }) | null
    >;

  return {
    /**
     * Checks an admin access token exactly as Strapi's admin auth strategy does: a valid
     * token, an active session, an active user; returns the user and their ability.
     */
    async authenticate(token: unknown): Promise<AuthenticatedAgent | null> {
      if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return null;
      const sessionManager = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
      if (!sessionManager) return null;
      const result = sessionManager('admin').validateAccessToken(token);
      if (!result.isValid) return null;
      if (!(await sessionManager('admin').isSessionActive(result.payload.sessionId))) return null;
      const userId = Number(result.payload.userId);
      if (!Number.isInteger(userId)) return null;
      const user = await findUser(userId);
      if (!user || user.isActive !== true) return null;
      const ability = await permissionEngine().generateUserAbility(user);
      return { user, ability, sessionId: String(result.payload.sessionId) };
    },

    /**
     * Whether sockets authenticated earlier may stay: each session still active (not logged
     * out), its user still active and still allowed to read the desk; and whether it may chat.
     * Answers by `sessionKey`; a few queries for all of them together.
     */
    recheckAccess(sessions: readonly AgentSession[]): Promise<Map<string, AgentAccess>> {
      return checkSessionsAccess(strapi, sessions);
    },

    /** Whether an admin user exists, is active and may chat (a transfer target). */
    async canChat(agentId: number): Promise<boolean> {
      const user = await findUser(agentId);
      if (!user || user.isActive !== true) return false;
      const ability = await permissionEngine().generateUserAbility(user);
      return ability.can(ACTIONS.chat);
    },

    /** Drops the cached names: an admin user was changed here or on another node. */
    forgetNames(): void {
      names.clear();
    },

    /**
     * Follows changes to admin users made through Strapi (a renamed or removed agent): every
     * node drops its cached names, so customers see the new name in the next message.
     */
    watchNameChanges(): void {
      if (watchingNames) return;
      watchingNames = true;
      strapi.db.lifecycles.subscribe((event: { model: { uid: string }; action: string }) => {
        if (event.model.uid !== 'admin::user' || !/^after(Update|Delete)(Many)?$/.test(event.action)) return;
        getService('realtime', { strapi }).forgetEverywhere('agentNames');
      });
    },

    async displayName(agentId: number | null | undefined): Promise<string | null> {
      if (!agentId) return null;
      const cached = names.get(agentId);
      if (cached && Date.now() - cached.at < NAME_CACHE_MS) return cached.name;
      const user = (await strapi.db.query('admin::user').findOne({ where: { id: agentId } })) as AdminUser | null;
      if (!user) return null;
      const name = agentDisplayName(user);
      names.set(agentId, { name, at: Date.now() });
      return name;
    },

    /** Many agents' names: the ones not cached are read in one query, not one query each. */
    async displayNames(agentIds: Iterable<number | null | undefined>): Promise<Map<number, string>> {
      const result = new Map<number, string>();
      const missing: number[] = [];
      for (const id of new Set(agentIds)) {
        if (!id) continue;
        const cached = names.get(id);
        if (cached && Date.now() - cached.at < NAME_CACHE_MS) {
          if (cached.name) result.set(id, cached.name);
        } else missing.push(id);
      }
      if (missing.length === 0) return result;
      const users = (await strapi.db.query('admin::user').findMany({ where: { id: { $in: missing } } })) as AdminUser[];
      const readAt = Date.now();
      for (const user of users) {
        const name = agentDisplayName(user);
        names.set(user.id, { name, at: readAt });
        if (name) result.set(user.id, name);
      }
      return result;
    },

    /** The agent's state row, created (offline) on first use. */
    async ensureState(agentId: number): Promise<{ id: number; agentId: number; presence: PresenceStatus; maxSeats: number | null }> {
      const query = strapi.db.query(UID.agentState);
      const existing = await query.findOne({ where: { agentId } });
      if (existing) return existing;
      try {
        return await query.create({ data: { agentId, presence: 'offline', presenceChangedAt: new Date() } });
      } catch (error) {
        // Another request or node created it at the same moment (unique agent_id).
        const created = await query.findOne({ where: { agentId } });
        if (created) return created;
        throw error;
      }
    },

    async setPresence(agentId: number, presence: PresenceStatus): Promise<{ changed: boolean }> {
      const state = await this.ensureState(agentId);
      if (state.presence === presence) return { changed: false };
      await strapi.db
        .query(UID.agentState)
        .update({ where: { id: state.id }, data: { presence, presenceChangedAt: new Date() } });
      return { changed: true };
    },

    async presenceOf(agentId: number): Promise<PresenceStatus> {
      return (await this.ensureState(agentId)).presence;
    },

    async countOnline(): Promise<number> {
      return strapi.db.query(UID.agentState).count({ where: { presence: 'online' } });
    },

    async seatLimit(agentId: number): Promise<number> {
      const state = await this.ensureState(agentId);
      if (state.maxSeats) return state.maxSeats;
      return (await getService('settings', { strapi }).get()).queue.seatsPerAgent;
    },

    /** Presence, active chats and seats of every agent that has ever been seen. */
    async loads(): Promise<AgentLoad[]> {
      const [states, settings, activeCounts] = await Promise.all([
        strapi.db.query(UID.agentState).findMany({}) as Promise<
          Array<{ agentId: number; presence: PresenceStatus; maxSeats: number | null }>
        >,
        getService('settings', { strapi }).get(),
        getService('conversationStore', { strapi }).countActiveByAgent(),
      ]);
      return states.map((state) => ({
        agentId: state.agentId,
        presence: state.presence,
        activeChats: activeCounts.get(state.agentId) ?? 0,
        maxSeats: state.maxSeats ?? settings.queue.seatsPerAgent,
      }));
    },

    /**
     * Active admin users whose roles may chat (the super admin role may do everything). Strapi
     * keeps role permissions as rows, so this is two queries however many agents there are.
     */
    async chatCapableAdminIds(): Promise<number[]> {
      const [permissions, superAdmin] = await Promise.all([
        strapi.db.query('admin::permission').findMany({ where: { action: ACTIONS.chat }, populate: ['role'] }) as Promise<
          Array<{ role: { id: number } | null }>
        >,
        (strapi.admin.services.role as { getSuperAdmin(): Promise<{ id: number } | null> }).getSuperAdmin(),
      ]);
      const roleIds = new Set(permissions.flatMap((permission) => (permission.role ? [permission.role.id] : [])));
      if (superAdmin) roleIds.add(superAdmin.id);
      if (roleIds.size === 0) return [];
      const users = (await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { id: { $in: [...roleIds] } } },
        select: ['id'],
      })) as Array<{ id: number }>;
      return users.map((user) => user.id);
    },

    /** One agent's line of the presence list (undefined for an agent the list leaves out). */
    async presenceView(agentId: number): Promise<AgentPresenceView | undefined> {
      return (await this.presenceList()).find((view) => view.agentId === agentId);
    },

    /**
     * Every agent a supervisor should see: whoever may chat now (even before they first open
     * the desk) and whoever still holds conversations.
     */
    async presenceList(): Promise<AgentPresenceView[]> {
      const [loads, capable, settings] = await Promise.all([
        this.loads(),
        this.chatCapableAdminIds(),
        getService('settings', { strapi }).get(),
      ]);
      const capableIds = new Set(capable);
      const byAgent = new Map(
        loads
          .filter((load) => capableIds.has(load.agentId) || load.activeChats > 0)
          .map((load) => [load.agentId, load]),
      );
      for (const agentId of capableIds) {
        if (!byAgent.has(agentId)) {
          byAgent.set(agentId, { agentId, presence: 'offline', activeChats: 0, maxSeats: settings.queue.seatsPerAgent });
        }
      }
      const names = await this.displayNames(byAgent.keys());
      return [...byAgent.values()]
        .map((load) => ({
          agentId: load.agentId,
          name: names.get(load.agentId) ?? `#${load.agentId}`,
          status: load.presence,
          activeChats: load.activeChats,
          maxSeats: load.maxSeats,
        }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.agentId - b.agentId);
    },
  };
};

export default agentsService;
