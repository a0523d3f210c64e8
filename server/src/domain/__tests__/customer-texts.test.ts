import {
  CUSTOMER_TEXT_KEYS,
  CUSTOMER_TEXT_MAX_LENGTH,
  CUSTOMER_TEXTS,
  customerTemplate,
  systemText,
  textProblems,
  WIDGET_TEXT_KEYS,
  widgetOverrides,
} from '../customer-texts';
import { SUPPORTED_LANGUAGES } from '../conversation-status';

describe('the customer texts catalogue', () => {
  it('has every text in every language, using only its own placeholders', () => {
    for (const key of CUSTOMER_TEXT_KEYS) {
      for (const language of SUPPORTED_LANGUAGES) {
        const text = CUSTOMER_TEXTS[key].defaults[language];
        expect(text.trim()).not.toBe('');
        // A default passes the rules an owner's wording must pass.
        expect(textProblems(key, text)).toEqual([]);
      }
    }
  });

  it('lists the texts named by the site owners’ wish list', () => {
    expect(CUSTOMER_TEXT_KEYS).toEqual(
      expect.arrayContaining([
        'queued',
        'queue_wait',
        'closed_notice',
        'offline_closed',
        'offline_queue_full',
        'offline_no_agent',
        'offline_sent',
        'transferred_to_queue',
        'transferred_to_agent',
        'resolved',
        'closed_inactive',
        'rating_prompt',
      ]),
    );
    expect(WIDGET_TEXT_KEYS).toContain('closed_notice');
    expect(WIDGET_TEXT_KEYS).not.toContain('queued');
  });
});

describe('an owner’s wording', () => {
  it('is refused when empty, too long, with an unknown placeholder, unbalanced braces or markup', () => {
    expect(textProblems('resolved', '')).toEqual([{ code: 'empty' }]);
    expect(textProblems('resolved', 'x'.repeat(CUSTOMER_TEXT_MAX_LENGTH + 1))).toEqual([{ code: 'tooLong', max: CUSTOMER_TEXT_MAX_LENGTH }]);
    expect(textProblems('claimed', '{agentName} on täällä, {customerName}!')).toEqual([
      { code: 'unknownPlaceholder', placeholder: '{customerName}', allowed: ['agentName'] },
    ]);
    expect(textProblems('resolved', 'Kiitos {agentName}')).toEqual([{ code: 'unknownPlaceholder', placeholder: '{agentName}', allowed: [] }]);
    for (const broken of ['Avaamme {nextOpening', 'Avaamme nextOpening}', 'Avaamme {{nextOpening}}', 'Avaamme } {'])
      expect(textProblems('closed_notice', broken)).toContainEqual({ code: 'unbalancedBraces' });
    expect(textProblems('resolved', 'Kiitos <b>paljon</b>')).toEqual([{ code: 'markup' }]);
    expect(textProblems('queue_wait', 'Sija {position}, noin {minutes} min <3')).toEqual([]);
  });

  it('replaces the default in its language only', () => {
    const overrides = { closed_notice: { fi: 'Kiinni, avaamme {nextOpening}.' } };
    expect(customerTemplate('closed_notice', 'fi', overrides)).toBe('Kiinni, avaamme {nextOpening}.');
    expect(customerTemplate('closed_notice', 'sv', overrides)).toBe(CUSTOMER_TEXTS.closed_notice.defaults.sv);
    // An unknown language reads English.
    expect(customerTemplate('resolved', 'de')).toBe(CUSTOMER_TEXTS.resolved.defaults.en);
  });

  it('fills system messages, and gives way to the default when a value is missing', () => {
    const overrides = { claimed: { en: '{agentName} is here.' }, offline_closed: { en: 'Closed until {nextOpening}.' } };
    expect(systemText('claimed', 'en', { agentName: 'Aino' }, overrides)).toBe('Aino is here.');
    expect(systemText('claimed', 'fi', { agentName: 'Aino' }, overrides)).toBe('Aino liittyi keskusteluun.');
    expect(systemText('offline_closed', 'en', { nextOpening: 'Monday 08:00' }, overrides)).toBe('Closed until Monday 08:00.');
    expect(systemText('offline_closed', 'en', {}, overrides)).toBe(CUSTOMER_TEXTS.offline_closed.defaults.en);
  });

  it('reaches the widget configuration only for the widget’s own texts', () => {
    const overrides = { closed_notice: { fi: 'Kiinni.' }, resolved: { fi: 'Loppu.' }, rating_prompt: { en: 'Stars?' } };
    expect(widgetOverrides(overrides, 'fi')).toEqual({ closed_notice: 'Kiinni.' });
    expect(widgetOverrides(overrides, 'en')).toEqual({ rating_prompt: 'Stars?' });
    expect(widgetOverrides(overrides, 'sv')).toEqual({});
  });
});
