import type { Core } from '@strapi/strapi';

import { DEMO_FAQS, DEMO_LOCALES, type DemoLanguage } from './demo-data';

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

  await seedDemoFaq(strapi);

  // The demo bot answers from the FAQ above. Only while no bot collection is chosen, so a
  // choice made in the settings is never undone; API tests (NODE_ENV=test) keep the plain bot.
  if (process.env.NODE_ENV !== 'test') {
    const settings = strapi.plugin('live-support').service('settings');
    const current = await settings.get();
    const knowledgeBase = current.bot.knowledgeBase;
    // Playgrounds set up before the FAQ was localized name its old language field: the locale says it now.
    const outdated = knowledgeBase.contentType === 'api::faq.faq' && knowledgeBase.languageField === 'language';
    if (!knowledgeBase.contentType || outdated) {
      await settings.update({
        bot: { knowledgeBase: { contentType: 'api::faq.faq', titleField: 'question', bodyField: 'answer', languageField: null } },
      });
    }
    printWelcome(strapi, created);
  }
}

type LocaleService = {
  find(): Promise<Array<{ code: string }>>;
  create(locale: { code: string; name: string }): Promise<{ code: string }>;
};

/** The site's locale for each demo language (by the code's language part), created when missing. */
async function ensureDemoLocales(strapi: Core.Strapi): Promise<Record<DemoLanguage, string>> {
  const locales = strapi.plugin('i18n').service('locales') as LocaleService;
  const existing = (await locales.find()).map((locale) => locale.code);
  const codes = {} as Record<DemoLanguage, string>;
  for (const language of Object.keys(DEMO_LOCALES) as DemoLanguage[]) {
    const found = existing.find((code) => code.split(/[-_]/)[0].toLowerCase() === language);
    codes[language] = found ?? (await locales.create(DEMO_LOCALES[language])).code;
  }
  return codes;
}

/** The demo FAQ, each question one document with a Finnish, an English and a Swedish version. */
async function seedDemoFaq(strapi: Core.Strapi): Promise<void> {
  const codes = await ensureDemoLocales(strapi);
  // Any locale counts: an FAQ someone has started is theirs.
  if ((await strapi.db.query('api::faq.faq').count({})) > 0) return;
  const faqs = strapi.documents('api::faq.faq');
  const [first, ...others] = Object.keys(codes) as DemoLanguage[];
  for (const faq of DEMO_FAQS) {
    const document = await faqs.create({ locale: codes[first], data: { ...faq[first] } });
    // Updating a document in a locale it has no version in creates that version.
    for (const language of others) {
      await faqs.update({ documentId: document.documentId, locale: codes[language], data: { ...faq[language] } as Record<string, unknown> });
    }
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
