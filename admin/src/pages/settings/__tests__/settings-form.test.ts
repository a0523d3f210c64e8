import { DEFAULT_SETTINGS, mergeSettings, settingsSchema, settingsUpdateSchema } from '../../../../../server/src/contracts/settings';
import { isEmptyUpdate, lineOfEntry, splitLines, toFormValues, toUpdate } from '../model';
import { NUMBER_BOUNDS, validateForm } from '../validate';

const setIn = (target: Record<string, unknown>, path: string, value: unknown): void => {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Record<string, unknown>>((at, key) => at[key] as Record<string, unknown>, target);
  parent[last] = value;
};

describe('the settings form model', () => {
  it('sends nothing when nothing changed', () => {
    expect(isEmptyUpdate(toUpdate(DEFAULT_SETTINGS, toFormValues(DEFAULT_SETTINGS)))).toBe(true);
  });

  it('sends only what changed, and the server accepts it and applies it', () => {
    const values = toFormValues(DEFAULT_SETTINGS);
    values.queue.maxQueueLength = 5;
    values.queue.vipEmailDomains = 'bigclient.fi\n\n  partner.com  ';
    values.widget.texts.en.title = 'Help desk';
    const update = toUpdate(DEFAULT_SETTINGS, values);
    expect(settingsUpdateSchema.safeParse(update).success).toBe(true);
    expect(update.queue).toEqual({ maxQueueLength: 5, vipEmailDomains: ['bigclient.fi', 'partner.com'] });
    expect(update.escalation).toBeUndefined();
    const next = mergeSettings(DEFAULT_SETTINGS, settingsUpdateSchema.parse(update));
    expect(next.widget.texts.en.title).toBe('Help desk');
    expect(toUpdate(next, toFormValues(next))).toEqual({});
  });

  it('reads lists one entry per line and finds an entry’s line again', () => {
    expect(splitLines(' a \n\n b\n')).toEqual(['a', 'b']);
    expect(lineOfEntry('a\n\nb', 1)).toBe(3);
  });
});

describe('the form’s number bounds', () => {
  it.each(Object.entries(NUMBER_BOUNDS))('match the server schema for %s', (path, bounds) => {
    const accepts = (value: number) => {
      const settings = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
      setIn(settings, path, value);
      return settingsSchema.safeParse(settings).success;
    };
    const step = bounds.integer ? 1 : 0.01;
    expect([accepts(bounds.min), accepts(bounds.max)]).toEqual([true, true]);
    expect([accepts(bounds.min - step), accepts(bounds.max + step)]).toEqual([false, false]);

    const values = toFormValues(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
    setIn(values, path, bounds.max + step);
    expect(validateForm(values as unknown as ReturnType<typeof toFormValues>).map((issue) => issue.path)).toContain(path);
  });
});
