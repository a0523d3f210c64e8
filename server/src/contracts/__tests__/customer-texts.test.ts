import { DEFAULT_SETTINGS, mergeSettings, parseSettingsUpdate, settingsSchema, settingsUpdateSchema } from '../settings';

const issuesOf = (input: unknown) => {
  const result = settingsUpdateSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('the customer texts section of the settings', () => {
  it('stores no overrides by default', () => {
    expect(DEFAULT_SETTINGS.texts).toEqual({});
  });

  it('takes overrides by key and language, trimmed, and replaces the stored ones whole', () => {
    const first = mergeSettings(DEFAULT_SETTINGS, parseSettingsUpdate({ texts: { closed_notice: { fi: '  Kiinni, avaamme {nextOpening}. ' } } }));
    expect(first.texts).toEqual({ closed_notice: { fi: 'Kiinni, avaamme {nextOpening}.' } });
    const second = mergeSettings(first, parseSettingsUpdate({ texts: { rating_prompt: { sv: 'Betyg?' } } }));
    // closed_notice was left out: back to its default.
    expect(second.texts).toEqual({ rating_prompt: { sv: 'Betyg?' } });
    // An update without `texts` keeps them.
    expect(mergeSettings(second, parseSettingsUpdate({ queue: { seatsPerAgent: 4 } })).texts).toEqual({ rating_prompt: { sv: 'Betyg?' } });
  });

  it('refuses unknown keys and languages, unknown placeholders, unbalanced braces, markup, empty and long texts, with their path', () => {
    expect(issuesOf({ texts: { goodbye: { fi: 'Hei hei' } } })).toEqual([{ path: 'texts', message: expect.stringContaining('goodbye') }]);
    expect(issuesOf({ texts: { resolved: { de: 'Tschüss' } } })).toEqual([{ path: 'texts.resolved', message: expect.stringContaining('de') }]);
    expect(issuesOf({ texts: { claimed: { fi: '{agent} liittyi' } } })).toEqual([
      { path: 'texts.claimed.fi', message: 'Unknown placeholder {agent}; this text may use {agentName}' },
    ]);
    expect(issuesOf({ texts: { closed_notice: { en: 'Open {nextOpening' } } })[0]?.path).toBe('texts.closed_notice.en');
    expect(issuesOf({ texts: { resolved: { en: '<script>x</script>' } } })[0]?.message).toContain('Plain text');
    expect(issuesOf({ texts: { resolved: { sv: '   ' } } })[0]?.path).toBe('texts.resolved.sv');
    expect(issuesOf({ texts: { resolved: { sv: 'x'.repeat(501) } } })[0]?.message).toBe('At most 500 characters');
    expect(issuesOf({ texts: { resolved: { fi: 123 } } })[0]?.path).toBe('texts.resolved.fi');
  });

  it('reads stored overrides leniently: a key no longer known is dropped, a broken section is ignored', () => {
    expect(settingsSchema.parse({ texts: { resolved: { fi: 'Loppu.' }, retired_text: { fi: 'x' } } }).texts).toEqual({ resolved: { fi: 'Loppu.' } });
    expect(settingsSchema.parse({ texts: 'nonsense' }).texts).toEqual({});
  });
});
