import {
  DEFAULT_SETTINGS,
  mergeSettings,
  settingsSchema,
  parseSettingsUpdate,
  settingsUpdateSchema,
  toSettingsView,
} from '../../../../../server/src/contracts/settings';
import { escalationFromForm, isEmptyUpdate, lineOfEntry, splitLines, toFormValues, toUpdate } from '../model';
import { NUMBER_LIMITS } from '../../../shared';
import { validateForm } from '../validate';

const setIn = (target: Record<string, unknown>, path: string, value: unknown): void => {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Record<string, unknown>>((at, key) => at[key] as Record<string, unknown>, target);
  parent[last] = value;
};

const DEFAULT_VIEW = toSettingsView(DEFAULT_SETTINGS);

describe('the settings form model', () => {
  it('sends nothing when nothing changed', () => {
    expect(isEmptyUpdate(toUpdate(DEFAULT_VIEW, toFormValues(DEFAULT_VIEW)))).toBe(true);
  });

  it('treats the webhook secret as write-only: keep, replace or remove', () => {
    const stored = toSettingsView(
      mergeSettings(DEFAULT_SETTINGS, { bot: { webhook: { url: 'https://bot.example.com/hook', secret: 'an-old-secret-of-length' } } }),
    );
    expect(stored.bot.webhook).toMatchObject({ secret: null, secretSet: true });

    const untouched = toFormValues(stored);
    expect(untouched.bot.webhook.secret).toBe('');
    expect(toUpdate(stored, untouched)).toEqual({});

    const replaced = toFormValues(stored);
    replaced.bot.webhook.secret = 'a-brand-new-secret-value';
    expect(toUpdate(stored, replaced)).toEqual({ bot: { webhook: { secret: 'a-brand-new-secret-value' } } });

    const removed = toFormValues(stored);
    removed.bot.webhook.removeSecret = true;
    const update = parseSettingsUpdate(toUpdate(stored, removed));
    expect(update).toEqual({ bot: { webhook: { secret: null } } });
    expect(mergeSettings(DEFAULT_SETTINGS, update).bot.webhook.secret).toBeNull();
  });

  it('treats the identity secret as write-only too: set with the mode, keep, remove', () => {
    const set = toFormValues(DEFAULT_VIEW);
    set.identity.verification = 'required';
    set.identity.secret = 'an-identity-secret-of-at-least-32-chars';
    const setUpdate = parseSettingsUpdate(toUpdate(DEFAULT_VIEW, set));
    expect(setUpdate).toEqual({ identity: { verification: 'required', secret: 'an-identity-secret-of-at-least-32-chars' } });

    const stored = toSettingsView(mergeSettings(DEFAULT_SETTINGS, setUpdate));
    expect(stored.identity).toEqual({ verification: 'required', secret: null, secretSet: true });
    expect(toUpdate(stored, toFormValues(stored))).toEqual({});

    const removed = toFormValues(stored);
    removed.identity.verification = 'off';
    removed.identity.removeSecret = true;
    expect(parseSettingsUpdate(toUpdate(stored, removed))).toEqual({ identity: { verification: 'off', secret: null } });

    const short = toFormValues(DEFAULT_VIEW);
    short.identity.secret = 'too-short';
    expect(validateForm(short)).toContainEqual({ path: 'identity.secret', kind: 'lengthOrEmpty', min: 32, max: 200 });
  });

  it('sends only what changed, and the server accepts it and applies it', () => {
    const values = toFormValues(DEFAULT_VIEW);
    values.queue.maxQueueLength = 5;
    values.queue.vipEmailDomains = 'bigclient.fi\n\n  partner.com  ';
    values.widget.texts.en.title = 'Help desk';
    const update = toUpdate(DEFAULT_VIEW, values);
    expect(settingsUpdateSchema.safeParse(update).success).toBe(true);
    expect(update.queue).toEqual({ maxQueueLength: 5, vipEmailDomains: ['bigclient.fi', 'partner.com'] });
    expect(update.escalation).toBeUndefined();
    const next = mergeSettings(DEFAULT_SETTINGS, parseSettingsUpdate(update));
    expect(next.widget.texts.en.title).toBe('Help desk');
    const nextView = toSettingsView(next);
    expect(toUpdate(nextView, toFormValues(nextView))).toEqual({});
  });

  it('edits the classifier’s switch and threshold, and sends only them', () => {
    const values = toFormValues(DEFAULT_VIEW);
    expect(values.escalation.intent).toEqual({ enabled: true, threshold: DEFAULT_VIEW.escalation.intent.threshold });
    values.escalation.intent.threshold = 0.9;
    expect(toUpdate(DEFAULT_VIEW, values)).toEqual({ escalation: { intent: { threshold: 0.9 } } });
  });

  it('gives "try a sentence" the escalation settings as edited, an unset number falling back to the stored one', () => {
    const values = toFormValues(DEFAULT_VIEW);
    expect(escalationFromForm(values.escalation, DEFAULT_SETTINGS.escalation)).toEqual(DEFAULT_SETTINGS.escalation);
    values.escalation.phrases.enabled = false;
    values.escalation.keywords.list = 'valitus\n\n  refund ';
    values.escalation.intent.threshold = undefined;
    const tried = escalationFromForm(values.escalation, DEFAULT_SETTINGS.escalation);
    expect(tried).toMatchObject({ phrases: { enabled: false }, keywords: { list: ['valitus', 'refund'] }, intent: { threshold: DEFAULT_VIEW.escalation.intent.threshold } });
  });

  it('reads lists one entry per line and finds an entry’s line again', () => {
    expect(splitLines(' a \n\n b\n')).toEqual(['a', 'b']);
    expect(lineOfEntry('a\n\nb', 1)).toBe(3);
  });
});

describe('the form’s number bounds', () => {
  it.each(Object.entries(NUMBER_LIMITS))('match the server schema for %s', (path, bounds) => {
    const accepts = (value: number) => {
      const settings = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
      setIn(settings, path, value);
      return settingsSchema.safeParse(settings).success;
    };
    const step = bounds.integer ? 1 : 0.01;
    expect([accepts(bounds.min), accepts(bounds.max)]).toEqual([true, true]);
    expect([accepts(bounds.min - step), accepts(bounds.max + step)]).toEqual([false, false]);

    const values = toFormValues(DEFAULT_VIEW) as unknown as Record<string, unknown>;
    setIn(values, path, bounds.max + step);
    expect(validateForm(values as unknown as ReturnType<typeof toFormValues>).map((issue) => issue.path)).toContain(path);
  });
});
