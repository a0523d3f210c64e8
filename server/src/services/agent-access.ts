import type { Core } from '@strapi/strapi';

import { ACTIONS } from '../constants';
import { yieldToOthers } from '../utils/batches';
import type { AdminAbility, AgentAccess } from './agents';

/** An open agent socket's identity, as the handshake recorded it. */
export interface AgentSession {
  agentId: number;
  sessionId: string;
}

interface SessionManager {
  (origin: 'admin'): { isSessionActive(sessionId: string): Promise<boolean> };
}

/** The permission row fields Strapi's engine reads (its `permission` domain's shape). */
interface PermissionRow {
  id: number;
  action: string;
  actionParameters: unknown;
  subject: string | null;
  properties: unknown;
  conditions: unknown;
  role: { id: number } | null;
}

interface PermissionEngine {
  /** Builds an ability from the given permissions for `owner`, through the engine's usual hooks and conditions. */
  generateTokenAbility(permissions: unknown[], owner: unknown): Promise<AdminAbility>;
}

/** The key of one session in the answer of `checkSessionsAccess`. */
export const sessionKey = ({ agentId, sessionId }: AgentSession) => `${agentId}:${sessionId}`;

/**
 * The periodic re-check of every open agent socket at once: a session lookup each, then one
 * query for the users and their roles and one for those roles' permissions on the desk's two
 * actions, whatever the number of agents. Each agent's ability is built by Strapi's permission
 * engine from those permissions only — the ones `can(read)` and `can(chat)` depend on — where
 * building it from all of a role's permissions (every content type of a super admin) cost tens
 * of milliseconds per agent.
 */
export async function checkSessionsAccess(strapi: Core.Strapi, sessions: readonly AgentSession[]): Promise<Map<string, AgentAccess>> {
  const answers = new Map<string, AgentAccess>();
  const sessionManager = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
  const unique = [...new Map(sessions.map((session) => [sessionKey(session), session])).values()];
  const active: AgentSession[] = [];
  for (const session of unique) {
    if (sessionManager && (await sessionManager('admin').isSessionActive(session.sessionId))) active.push(session);
    else answers.set(sessionKey(session), { allowed: false });
    // With SQLite a query resolves without the event loop turning: live chat gets a turn per session.
    await yieldToOthers();
  }
  if (active.length === 0) return answers;

  const users = (await strapi.db.query('admin::user').findMany({
    where: { id: { $in: [...new Set(active.map((session) => session.agentId))] } },
    populate: ['roles'],
  })) as Array<{ id: number; isActive: boolean; roles: Array<{ id: number }> | null }>;
  const roleIds = [...new Set(users.flatMap((user) => (user.roles ?? []).map((role) => role.id)))];
  const permissions =
    roleIds.length === 0
      ? []
      : ((await strapi.db.query('admin::permission').findMany({
          where: { action: { $in: [ACTIONS.read, ACTIONS.chat] }, role: { id: { $in: roleIds } } },
          populate: ['role'],
        })) as PermissionRow[]);
  const engine = (strapi.admin.services.permission as unknown as { engine: PermissionEngine }).engine;

  const accessByUser = new Map<number, AgentAccess>();
  for (const user of users) {
    if (user.isActive !== true) {
      accessByUser.set(user.id, { allowed: false });
      continue;
    }
    const userRoles = new Set((user.roles ?? []).map((role) => role.id));
    const ability = await engine.generateTokenAbility(
      permissions
        .filter((permission) => permission.role !== null && userRoles.has(permission.role.id))
        .map(({ role: _role, ...permission }) => permission),
      user,
    );
    accessByUser.set(user.id, ability.can(ACTIONS.read) ? { allowed: true, canChat: ability.can(ACTIONS.chat) } : { allowed: false });
    await yieldToOthers();
  }
  for (const session of active) answers.set(sessionKey(session), accessByUser.get(session.agentId) ?? { allowed: false });
  return answers;
}
