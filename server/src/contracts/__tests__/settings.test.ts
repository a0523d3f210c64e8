import {
  DEFAULT_SETTINGS,
  mergeSettings,
  parseSettingsUpdate,
  settingsSchema,
  settingsUpdateSchema,
  toSettingsView,
} from '../settings';

describe('settings', () => {
  it('has the product defaults', () => {
    expect(DEFAULT_SETTINGS.queue).toMatchObject({ maxQueueLength: 20, seatsPerAgent: 3, enforceOpeningHours: true });
    expect(DEFAULT_SETTINGS.escalation.failedAnswers).toEqual({ enabled: true, threshold: 2 });
    expect(DEFAULT_SETTINGS.escalation.buttonEnabled).toBe(true);
    expect(DEFAULT_SETTINGS.escalation.keywords.list).toEqual(expect.arrayContaining(['valitus', 'reklamaatio']));
    expect(DEFAULT_SETTINGS.bot).toMatchObject({ provider: 'auto', knowledgeBase: { contentType: null } });
  });

  it('fills in missing sections of stored settings from older versions', () => {
    expect(settingsSchema.parse({ queue: DEFAULT_SETTINGS.queue })).toEqual(DEFAULT_SETTINGS);
  });

  it('merges a partial update section by section and replaces lists whole', () => {
    const update = parseSettingsUpdate({
      queue: { seatsPerAgent: 5 },
      escalation: { keywords: { list: ['palaute'] }, phrases: { lists: { sv: ['ring mig'] } } },
      bot: { webhook: { url: 'https://bot.example.com/hook' } },
    });
    const merged = mergeSettings(DEFAULT_SETTINGS, update);
    expect(merged.queue).toEqual({ ...DEFAULT_SETTINGS.queue, seatsPerAgent: 5 });
    expect(merged.escalation.keywords).toEqual({ enabled: true, list: ['palaute'] });
    expect(merged.escalation.phrases.lists.sv).toEqual(['ring mig']);
    expect(merged.escalation.phrases.lists.fi).toEqual(DEFAULT_SETTINGS.escalation.phrases.lists.fi);
    expect(merged.bot.webhook).toEqual({ url: 'https://bot.example.com/hook', secret: null, timeoutMs: 5000 });
  });

  it('changes only what an update names, leaving every other stored value alone', () => {
    const stored = mergeSettings(DEFAULT_SETTINGS, {
      queue: { maxQueueLength: 7, seatsPerAgent: 2 },
      bot: {
        provider: 'webhook',
        knowledgeBase: { contentType: 'api::faq.faq', titleField: 'q', bodyField: 'a' },
        webhook: { url: 'https://bot.example.com/hook', secret: 'a-secret-of-enough-length', timeoutMs: 900 },
      },
    });
    const update = parseSettingsUpdate({
      queue: { vipFirst: false },
      bot: { knowledgeBase: { confidenceThreshold: 0.7 }, webhook: { secret: null } },
    });
    expect(update).toEqual({ queue: { vipFirst: false }, bot: { knowledgeBase: { confidenceThreshold: 0.7 }, webhook: { secret: null } } });
    const merged = mergeSettings(stored, update);
    expect(merged.queue).toEqual({ ...stored.queue, vipFirst: false });
    expect(merged.bot).toEqual({
      provider: 'webhook',
      closeAfterMinutes: DEFAULT_SETTINGS.bot.closeAfterMinutes,
      knowledgeBase: { ...stored.bot.knowledgeBase, confidenceThreshold: 0.7 },
      webhook: { url: 'https://bot.example.com/hook', secret: null, timeoutMs: 900 },
    });
  });

  it('parses an update into exactly the keys it names: no defaults are filled in', () => {
    expect(settingsUpdateSchema.parse({ queue: { vipFirst: false }, widget: {}, bot: { webhook: { secret: null } } })).toStrictEqual({
      queue: { vipFirst: false },
      widget: {},
      bot: { webhook: { secret: null } },
    });
    expect(settingsUpdateSchema.parse({})).toStrictEqual({});
  });

  it('fills in each missing key of a stored section with its default', () => {
    const stored = settingsSchema.parse({ queue: { maxQueueLength: 5 }, bot: { knowledgeBase: {}, webhook: { timeoutMs: 900 } } });
    expect(stored.queue).toEqual({ ...DEFAULT_SETTINGS.queue, maxQueueLength: 5 });
    expect(stored.bot).toEqual({ ...DEFAULT_SETTINGS.bot, webhook: { ...DEFAULT_SETTINGS.bot.webhook, timeoutMs: 900 } });
  });

  it('never shows the webhook secret, only whether one is set', () => {
    const stored = mergeSettings(DEFAULT_SETTINGS, { bot: { webhook: { secret: 'a-secret-of-enough-length' } } });
    const view = toSettingsView(stored);
    expect(view.bot.webhook).toEqual({ url: null, secret: null, secretSet: true, timeoutMs: 5000 });
    expect(JSON.stringify(view)).not.toContain('a-secret-of-enough-length');
    expect(toSettingsView(DEFAULT_SETTINGS).bot.webhook.secretSet).toBe(false);
  });

  it.each([
    [{ queue: { seatsPerAgent: 0 } }],
    [{ escalation: { frustration: { threshold: 2 } } }],
    [{ escalation: { keywords: { list: [''] } } }],
    [{ bot: { provider: 'Not A Name' } }],
    [{ bot: { webhook: { url: 'ftp://bot.example.com' } } }],
    [{ bot: { webhook: { secret: 'short' } } }],
    [{ bot: { knowledgeBase: { contentType: 'faq' } } }],
    [{ bot: { extra: true } }],
  ])('refuses %j', (update) => {
    expect(settingsUpdateSchema.safeParse(update).success).toBe(false);
  });
});
