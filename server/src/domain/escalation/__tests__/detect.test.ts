import { countConsecutiveFailures, detectCustomerEscalation, detectFailedAnswers } from '../detect';
import { DEFAULT_KEYWORDS, DEFAULT_PHRASES } from '../lexicon';
import { grammarLanguage } from '../reading';
import { DEFAULT_ESCALATION_SETTINGS, type EscalationDecision, type EscalationSettings } from '../rules';

/**
 * A mutable copy of the defaults with some parts replaced. The edits here test the rules, so the
 * learned layer (which would catch many of the requests a test removes from a list) is off;
 * intent.test.ts tests it.
 */
function settingsWith(edit: (settings: EscalationSettings) => void): EscalationSettings {
  const settings = structuredClone(DEFAULT_ESCALATION_SETTINGS);
  settings.intent.enabled = false;
  edit(settings);
  return settings;
}

function detect(
  text: string,
  language = 'fi',
  options: { previous?: readonly string[]; settings?: EscalationSettings } = {},
): EscalationDecision {
  return detectCustomerEscalation({
    text,
    language,
    previousCustomerMessages: options.previous ?? [],
    settings: options.settings ?? DEFAULT_ESCALATION_SETTINGS,
  });
}

const triggerOf = (decision: EscalationDecision): string | null => (decision.escalate ? decision.trigger : null);

describe('DEFAULT_ESCALATION_SETTINGS', () => {
  it('has the product defaults (docs/product.md): 2 failed answers, frustration 0.6 over 4 messages, all rules on', () => {
    expect(DEFAULT_ESCALATION_SETTINGS.failedAnswers).toEqual({ enabled: true, threshold: 2 });
    expect(DEFAULT_ESCALATION_SETTINGS.frustration).toEqual({ enabled: true, threshold: 0.6, window: 4 });
    expect(DEFAULT_ESCALATION_SETTINGS.phrases.enabled).toBe(true);
    expect(DEFAULT_ESCALATION_SETTINGS.keywords.enabled).toBe(true);
  });

  it('carries the lexicon lists, including the required keywords', () => {
    expect(DEFAULT_ESCALATION_SETTINGS.phrases.lists).toEqual(DEFAULT_PHRASES);
    expect(DEFAULT_ESCALATION_SETTINGS.keywords.list).toEqual(DEFAULT_KEYWORDS);
    expect(DEFAULT_KEYWORDS).toEqual(expect.arrayContaining(['valitus', 'reklamaatio', 'complaint', 'klagomål']));
  });

  it('is frozen, so editing the defaults by mistake throws instead of changing every conversation', () => {
    expect(() => DEFAULT_ESCALATION_SETTINGS.phrases.lists.fi.push('x')).toThrow(TypeError);
    expect(() => {
      DEFAULT_ESCALATION_SETTINGS.failedAnswers.threshold = 5;
    }).toThrow(TypeError);
    // A copy is editable.
    expect(settingsWith((settings) => settings.phrases.lists.fi.push('x')).phrases.lists.fi).toContain('x');
  });
});

describe('detectCustomerEscalation: phrases', () => {
  it('reports the phrase as written in the settings, with a reason for agents', () => {
    expect(detect('Haluan puhua ihmisen kanssa')).toEqual({
      escalate: true,
      trigger: 'phrase',
      reason: 'customer asked for a person ("ihmisen kanssa")',
      matched: 'ihmisen kanssa',
    });
  });

  it.each([
    'Ihminen',
    'ihminen kiitos',
    'IHMINEN!!!',
    'Haluan ihmisen',
    'ihmiselle',
    'asiakaspalvelijalle kiitos',
    'Haluan puhua asiakaspalvelijaa',
    'Yhdistä minut asiakaspalvelijalle',
    'Voisinko jutella oikean ihmisen kanssa?',
    'En ole tyytyväinen bottiin',
    'en ole tyytyvainen bottiin',
    'EN OLE TYYTYVÄINEN!!',
    'ihmisasiakaspalvelija',
  ])('Finnish request %p escalates on a phrase', (text) => {
    expect(triggerOf(detect(text))).toBe('phrase');
  });

  it.each([
    'en tarvitse ihmistä',
    'En halua puhua ihmisen kanssa.',
    'Älä yhdistä ihmiselle',
    'ihmiset ovat mukavia',
    'Oletko ihminen?',
    'Puhunko ihmisen kanssa?',
    'Onko tämä oikea ihminen?',
    'Mitkä ovat asiakaspalvelun aukioloajat?',
  ])('Finnish %p does not escalate', (text) => {
    expect(detect(text)).toEqual({ escalate: false });
  });

  it.each([
    ['en', 'I want to talk to a human'],
    ['en', 'HUMAN PLEASE'],
    ['en', 'can I get a real person'],
    ['en', 'I want a human, not a bot'],
    ['sv', 'jag vill prata med en människa'],
    ['sv', 'Människa tack!'],
    ['sv', 'kan jag få en riktig person?'],
  ])('[%s] %p escalates on a phrase', (language, text) => {
    expect(triggerOf(detect(text, language))).toBe('phrase');
  });

  it.each([
    ['en', 'no need for a human'],
    ['en', "I don't want to talk to a person"],
    ['en', 'I do not want to speak to a human'],
    ['en', 'human resources department address?'],
    ['en', 'Are you a human?'],
    ['en', 'am I talking to a real person?'],
    ['sv', 'jag behöver inte prata med en människa'],
    ['sv', 'är du en människa?'],
  ])('[%s] %p does not escalate', (language, text) => {
    expect(detect(text, language)).toEqual({ escalate: false });
  });

  it('lets a negation in an earlier clause or before a conjunction stand apart from the request', () => {
    expect(triggerOf(detect('En ymmärrä, haluan ihmisen'))).toBe('phrase');
    expect(triggerOf(detect('En ymmärrä mutta haluan ihmisen'))).toBe('phrase');
    expect(triggerOf(detect("I don't get it. I want a human", 'en'))).toBe('phrase');
  });

  it('allows up to two other words between phrase words, not counting function words', () => {
    expect(triggerOf(detect('haluan puhua jonkun oikean ihmisen kanssa'))).toBe('phrase');
    expect(triggerOf(detect('talk to an actual real human', 'en'))).toBe('phrase');
    const onlyTalkToAHuman = settingsWith((settings) => {
      settings.phrases.lists.en = ['talk to a human'];
    });
    expect(triggerOf(detect('talk about my order with a human', 'en', { settings: onlyTalkToAHuman }))).toBe('phrase');
    expect(detect('talk about my very old order with a human', 'en', { settings: onlyTalkToAHuman })).toEqual({
      escalate: false,
    });
  });

  it('reads the other languages too, and all three for an unknown language', () => {
    expect(triggerOf(detect('I want a human', 'fi'))).toBe('phrase');
    expect(triggerOf(detect('haluan ihmisen', 'sv-FI'))).toBe('phrase');
    expect(triggerOf(detect('människa tack', 'de'))).toBe('phrase');
  });

  it('does not fire when the phrase rule is switched off', () => {
    const off = settingsWith((settings) => {
      settings.phrases.enabled = false;
    });
    expect(detect('Haluan puhua ihmisen kanssa', 'fi', { settings: off })).toEqual({ escalate: false });
    expect(detect('human', 'en', { settings: off })).toEqual({ escalate: false });
  });

  it('honours an edited phrase list: added phrases fire, removed ones do not', () => {
    const edited = settingsWith((settings) => {
      settings.phrases.lists.fi = ['omistaja', 'soittaa minulle'];
    });
    expect(detect('Omistaja kiitos', 'fi', { settings: edited })).toMatchObject({
      escalate: true,
      trigger: 'phrase',
      matched: 'omistaja',
    });
    expect(detect('Voitteko soittaa minulle?', 'fi', { settings: edited })).toMatchObject({ matched: 'soittaa minulle' });
    expect(detect('Ihminen', 'fi', { settings: edited })).toEqual({ escalate: false });
  });

  it('names the most specific phrase when several match', () => {
    expect(detect('ihmisen kanssa kiitos')).toMatchObject({ matched: 'ihmisen kanssa' });
  });

  it('does nothing with an empty, emoji-only or punctuation-only message', () => {
    expect(detect('')).toEqual({ escalate: false });
    expect(detect('😡😡😡')).toEqual({ escalate: false });
    expect(detect('?!')).toEqual({ escalate: false });
  });

  it('ignores empty and punctuation-only phrases', () => {
    const edited = settingsWith((settings) => {
      settings.phrases.lists.fi = ['', '  ', '!!!'];
    });
    expect(detect('Ihminen!!!', 'fi', { settings: edited })).toEqual({ escalate: false });
  });
});

describe('detectCustomerEscalation: keywords', () => {
  it('fires on a keyword in any inflection or compound, with the keyword as `matched`', () => {
    expect(detect('Haluan tehdä valituksen laskusta')).toEqual({
      escalate: true,
      trigger: 'keyword',
      reason: 'keyword "valitus"',
      matched: 'valitus',
    });
    expect(detect('Miten teen tuotereklamaation?')).toMatchObject({ trigger: 'keyword', matched: 'reklamaatio' });
    expect(detect('I have two complaints', 'en')).toMatchObject({ trigger: 'keyword', matched: 'complaint' });
    expect(detect('Jag vill lämna ett klagomål', 'sv')).toMatchObject({ trigger: 'keyword', matched: 'klagomål' });
  });

  it('does not fire when negated right before', () => {
    expect(detect('Ei valituksia, kiitos!')).toEqual({ escalate: false });
    expect(detect('This is not a complaint', 'en')).toEqual({ escalate: false });
    expect(detect('Inga klagomål', 'sv')).toEqual({ escalate: false });
  });

  it('reads negations in the language the message is written in, whatever the conversation language', () => {
    // In a Finnish conversation, Swedish "en" is an article, not the Finnish "I don't".
    expect(triggerOf(detect('Jag vill göra en reklamation', 'fi'))).toBe('keyword');
    expect(detect('inga klagomål', 'fi')).toEqual({ escalate: false });
    expect(grammarLanguage('jag vill göra en reklamation', 'fi')).toBe('sv');
    expect(grammarLanguage('en halua', 'sv')).toBe('sv'); // a tie goes to the conversation language
  });

  it('does not fire when the keyword rule is switched off', () => {
    const off = settingsWith((settings) => {
      settings.keywords.enabled = false;
    });
    expect(detect('Haluan tehdä valituksen', 'fi', { settings: off })).toEqual({ escalate: false });
    expect(detect('reklamaatio', 'fi', { settings: off })).toEqual({ escalate: false });
  });

  it('honours an edited keyword list', () => {
    const edited = settingsWith((settings) => {
      settings.keywords.list = ['hyvitys', 'asianajaja'];
    });
    expect(detect('Vaadin hyvityksen', 'fi', { settings: edited })).toMatchObject({ trigger: 'keyword', matched: 'hyvitys' });
    expect(detect('Haluan tehdä valituksen', 'fi', { settings: edited })).toEqual({ escalate: false });
  });
});

describe('detectCustomerEscalation: frustration and rule order', () => {
  const angry = ['Missä tilaukseni on?', 'missä tilaukseni on??', 'MISSÄ TILAUKSENI ON???'];

  it('escalates when the score over the window reaches the threshold, with the score and signals', () => {
    const decision = detect(angry[2], 'fi', { previous: angry.slice(0, 2) });
    expect(decision).toEqual({
      escalate: true,
      trigger: 'frustration',
      reason: 'frustration 1.00: repeated question, shouting, repeated punctuation',
      matched: null,
      score: 1,
    });
  });

  it('only looks at the last `window` customer messages', () => {
    const settings = settingsWith((edited) => {
      edited.frustration.window = 1;
    });
    // Alone, the last message is shouting + punctuation = 0.40: below 0.6.
    expect(detect(angry[2], 'fi', { previous: angry.slice(0, 2), settings })).toEqual({ escalate: false });
  });

  it('honours the threshold and the switch', () => {
    const lower = settingsWith((edited) => {
      edited.frustration.threshold = 0.4;
    });
    expect(triggerOf(detect('MISSÄ TILAUKSENI ON???', 'fi', { settings: lower }))).toBe('frustration');
    const off = settingsWith((edited) => {
      edited.frustration.enabled = false;
    });
    expect(detect(angry[2], 'fi', { previous: angry.slice(0, 2), settings: off })).toEqual({ escalate: false });
    const zero = settingsWith((edited) => {
      edited.frustration.threshold = 0;
    });
    expect(detect('Kiitos, hyvää päivää', 'fi', { settings: zero })).toEqual({ escalate: false });
  });

  it('checks phrase first, then keyword, then frustration', () => {
    expect(triggerOf(detect('IHMINEN JA VALITUS!!!', 'fi', { previous: angry }))).toBe('phrase');
    expect(triggerOf(detect('VALITUS TÄSTÄ SURKEASTA PALVELUSTA!!!', 'fi', { previous: angry }))).toBe('keyword');
    const noPhrases = settingsWith((edited) => {
      edited.phrases.enabled = false;
    });
    expect(triggerOf(detect('IHMINEN JA VALITUS!!!', 'fi', { previous: angry, settings: noPhrases }))).toBe('keyword');
  });
});

describe('countConsecutiveFailures', () => {
  it('counts the run of failures at the end, oldest first', () => {
    expect(countConsecutiveFailures([])).toBe(0);
    expect(countConsecutiveFailures([true])).toBe(1);
    expect(countConsecutiveFailures([false, true, true])).toBe(2);
    expect(countConsecutiveFailures([true, true, true])).toBe(3);
  });

  it('is reset by a good answer', () => {
    expect(countConsecutiveFailures([true, true, false])).toBe(0);
    expect(countConsecutiveFailures([true, true, false, true])).toBe(1);
  });
});

describe('detectFailedAnswers', () => {
  it('escalates at the default threshold of 2, not before', () => {
    expect(detectFailedAnswers(0, DEFAULT_ESCALATION_SETTINGS)).toEqual({ escalate: false });
    expect(detectFailedAnswers(1, DEFAULT_ESCALATION_SETTINGS)).toEqual({ escalate: false });
    expect(detectFailedAnswers(2, DEFAULT_ESCALATION_SETTINGS)).toEqual({
      escalate: true,
      trigger: 'failed_answers',
      reason: '2 failed bot answers in a row',
      matched: null,
    });
    expect(detectFailedAnswers(3, DEFAULT_ESCALATION_SETTINGS)).toMatchObject({
      reason: '3 failed bot answers in a row',
    });
  });

  it('works on the count from countConsecutiveFailures: a good answer in between resets it', () => {
    const outcomes = [true, false, true];
    expect(detectFailedAnswers(countConsecutiveFailures(outcomes), DEFAULT_ESCALATION_SETTINGS)).toEqual({
      escalate: false,
    });
    expect(detectFailedAnswers(countConsecutiveFailures([...outcomes, true]), DEFAULT_ESCALATION_SETTINGS)).toMatchObject({
      escalate: true,
    });
  });

  it('honours the threshold and the switch', () => {
    const three = settingsWith((settings) => {
      settings.failedAnswers.threshold = 3;
    });
    expect(detectFailedAnswers(2, three)).toEqual({ escalate: false });
    const one = settingsWith((settings) => {
      settings.failedAnswers.threshold = 1;
    });
    expect(detectFailedAnswers(1, one)).toMatchObject({ reason: '1 failed bot answer in a row' });
    const off = settingsWith((settings) => {
      settings.failedAnswers.enabled = false;
    });
    expect(detectFailedAnswers(10, off)).toEqual({ escalate: false });
  });

  it('treats a threshold below 1 as 1, so that zero failures never escalate', () => {
    const zero = settingsWith((settings) => {
      settings.failedAnswers.threshold = 0;
    });
    expect(detectFailedAnswers(0, zero)).toEqual({ escalate: false });
    expect(detectFailedAnswers(1, zero)).toMatchObject({ escalate: true });
  });
});
