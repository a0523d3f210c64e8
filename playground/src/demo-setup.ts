import type { Core } from '@strapi/strapi';

import { DEMO_FAQS } from './demo-data';

/**
 * Demo accounts and content for the playground only. The plugin never creates users: on a
 * real site the owner decides who is an agent through Strapi's roles.
 */
export const DEMO_CREDENTIALS = {
  admin: {
    email: process.env.DEMO_ADMIN_EMAIL || 'admin@example.com',
    password: process.env.DEMO_ADMIN_PASSWORD || 'Demo-Admin-1',
    firstname: 'Demo',
    lastname: 'Admin',
  },
  agents: [
    {
      email: process.env.DEMO_AGENT1_EMAIL || 'aino@example.com',
      password: process.env.DEMO_AGENT_PASSWORD || 'Demo-Agent-1',
      firstname: 'Aino',
      lastname: 'Agentti',
    },
    {
      email: process.env.DEMO_AGENT2_EMAIL || 'elias@example.com',
      password: process.env.DEMO_AGENT_PASSWORD || 'Demo-Agent-1',
      firstname: 'Elias',
      lastname: 'Esimerkki',
    },
  ],
};

export const AGENT_ROLE = {
  code: 'live-support-agent',
  name: 'Agent',
  description: 'Live Support agents: read the queue, claim conversations and chat.',
  actions: ['plugin::live-support.read', 'plugin::live-support.chat'],
};

type AdminServices = {
  user: {
    exists(params?: object): Promise<boolean>;
    create(attributes: Record<string, unknown>): Promise<{ id: number }>;
  };
  role: {
    getSuperAdmin(): Promise<{ id: number } | null>;
    findOne(params: object): Promise<{ id: number } | null>;
    create(attributes: Record<string, unknown>): Promise<{ id: number }>;
    assignPermissions(roleId: number, permissions: Array<{ action: string; subject?: string | null }>): Promise<unknown>;
  };
};

async function ensureAdminUser(
  strapi: Core.Strapi,
  services: AdminServices,
  account: { email: string; password: string; firstname: string; lastname: string },
  roleId: number,
): Promise<boolean> {
  const existing = await strapi.db.query('admin::user').findOne({ where: { email: account.email } });
  if (existing) return false;
  await services.user.create({ ...account, isActive: true, registrationToken: null, roles: [roleId] });
  return true;
}

export async function setUpDemo(strapi: Core.Strapi): Promise<void> {
  const services = strapi.admin.services as unknown as AdminServices;

  const superAdminRole = await services.role.getSuperAdmin();
  if (!superAdminRole) throw new Error('The super admin role is missing');

  let agentRole = await services.role.findOne({ code: AGENT_ROLE.code });
  if (!agentRole) {
    agentRole = await services.role.create({
      name: AGENT_ROLE.name,
      code: AGENT_ROLE.code,
      description: AGENT_ROLE.description,
    });
    await services.role.assignPermissions(
      agentRole.id,
      AGENT_ROLE.actions.map((action) => ({ action, subject: null })),
    );
  }

  const created: string[] = [];
  if (await ensureAdminUser(strapi, services, DEMO_CREDENTIALS.admin, superAdminRole.id)) {
    created.push(DEMO_CREDENTIALS.admin.email);
  }
  for (const agent of DEMO_CREDENTIALS.agents) {
    if (await ensureAdminUser(strapi, services, agent, agentRole.id)) created.push(agent.email);
  }

  const faqs = strapi.documents('api::faq.faq');
  if ((await faqs.count({})) === 0) {
    for (const faq of DEMO_FAQS) await faqs.create({ data: faq });
  }

  // The demo bot answers from the FAQ above. Only while no bot collection is chosen, so a
  // choice made in the settings is never undone; API tests (NODE_ENV=test) keep the plain bot.
  if (process.env.NODE_ENV !== 'test') {
    const settings = strapi.plugin('live-support').service('settings');
    const current = await settings.get();
    if (!current.bot.knowledgeBase.contentType) {
      await settings.update({
        bot: {
          knowledgeBase: { contentType: 'api::faq.faq', titleField: 'question', bodyField: 'answer', languageField: 'language' },
        },
      });
    }
    printWelcome(strapi, created);
  }
}

function printWelcome(strapi: Core.Strapi, created: string[]): void {
  const url = strapi.config.get('server.absoluteUrl') as string;
  const lines = [
    '',
    '  Live Support playground',
    `  Demo page with the widget:  ${url}/`,
    `  Admin panel:                ${url}/admin`,
    `  Super admin:  ${DEMO_CREDENTIALS.admin.email} / ${DEMO_CREDENTIALS.admin.password}`,
    ...DEMO_CREDENTIALS.agents.map((agent) => `  Agent:        ${agent.email} / ${agent.password}`),
    created.length > 0 ? `  (created now: ${created.join(', ')})` : '',
    '  Demo credentials only: change them through DEMO_* variables, never use them in production.',
    '',
  ];
  strapi.log.info(lines.join('\n'));
}
