import { detectCustomerEscalation } from '../detect';
import { FRUSTRATION_WEIGHTS, frustrationScore, type FrustrationSignalKind } from '../frustration';
import { MAX_AIM_GAP, readForFrustration } from '../frustration-aim';
import { SWEAR_WORDS } from '../frustration-lexicon';
import { DEFAULT_ESCALATION_SETTINGS } from '../rules';

const DEFAULT_THRESHOLD = DEFAULT_ESCALATION_SETTINGS.frustration.threshold;

const kinds = (message: string, language: string): FrustrationSignalKind[] =>
  frustrationScore([message], language).signals.map((signal) => signal.kind);

const crossesAlone = (message: string, language: string) => frustrationScore([message], language).score >= DEFAULT_THRESHOLD;

/** The reason an agent reads, from the whole check with the default settings and no earlier messages. */
const reasonFor = (text: string, language: string) => {
  const decision = detectCustomerEscalation({
    text,
    language,
    previousCustomerMessages: [],
    settings: DEFAULT_ESCALATION_SETTINGS,
  });
  return decision.escalate ? { trigger: decision.trigger, reason: decision.reason } : null;
};

describe('frustration in a single message', () => {
  it.each([
    ['fi', 'botti on ihan turha!!!'],
    ['fi', 'mä en jaksa tätä paskaa'],
    ['fi', 'Tää on jo ihan säälittävää.'],
    ['fi', 'sä oot ihan turha'],
    ['fi', 'hyödytön botti'],
    ['fi', 'hyodyton botti'],
    ['fi', 'vittu mikä botti'],
    ['fi', 'ihan turha keskustelu'],
    ['fi', 'taas yksi turha vastaus'],
    ['fi', 'Turhaa!'],
    ['en', 'this bot is useless!!'],
    ['en', 'wtf is this bot'],
    ['en', 'This is pointless.'],
    ['en', 'fuck this'],
    ['en', 'your chat is absolutely worthless'],
    ['en', 'Useless!'],
    ['sv', 'värdelös bot!!!'],
    ['sv', 'Boten är helt värdelös'],
    ['sv', 'det här är meningslöst'],
    ['sv', 'du är värdelös'],
    ['sv', 'jävla bot'],
    // English swearing is read in every conversation.
    ['fi', 'this bot is useless'],
    ['sv', 'wtf is this bot'],
  ])('crosses the default threshold on its own: (%s) %s', (language, message) => {
    expect(kinds(message, language)).toEqual(expect.arrayContaining(['aimed_at_bot', 'negative_words']));
    expect(crossesAlone(message, language)).toBe(true);
  });

  it.each([
    // A product complaint without anger.
    ['fi', 'tämä kahvinkeitin on surkea'],
    ['fi', 'Kahvinkeitin vuotaa. Kuuluuko tämä takuuseen?'],
    ['en', 'The delivery was late and the box was crushed. Not impressed.'],
    ['en', 'this kettle is useless'],
    ['en', 'your delivery is terrible'],
    ['sv', 'Det har en usel batteritid'],
    // "Pointless to ask, but…": the word is about asking, not about us.
    ['fi', 'turha kysyä mutta onko teillä tätä kenkää'],
    ['fi', 'Turha kysyä, mutta onko botti auki huomenna?'],
    ['en', "It's pointless to ask but do you ship to Norway?"],
    // Negated.
    ['fi', 'botti ei ole huono'],
    ['fi', 'ei tää botti oo ihan turha'],
    ['fi', 'botit eivat ole turhia'],
    ['en', 'this bot is not useless'],
    ['sv', 'boten är inte värdelös'],
    // Swearing as praise.
    ['fi', 'vitun hyvä palvelu'],
    ['en', 'fucking great bot'],
    ['sv', 'jävligt bra service'],
    ['sv', 'skitbra chatt'],
    // Praise, polite questions, no need for a person.
    ['fi', 'Chatbotti toimii yllättävän hyvin!'],
    ['en', 'LOVE the new app update!!! 😍'],
    ['en', 'no need for a human'],
    ['en', 'Do you have anything for annoying mosquitoes?'],
    ['sv', 'Ni har en fantastisk chattbot, den löste mitt problem på två minuter.'],
    // Swearing not about us, and a bare word without "!" or an intensifier.
    ['en', 'Shit, I forgot my password'],
    ['fi', 'paska sää tänään, onko myymälä auki?'],
    ['sv', 'fan, det funkar inte'],
    ['fi', 'turhaa'],
  ])('does not cross it: (%s) %s', (language, message) => {
    expect(kinds(message, language)).not.toContain('aimed_at_bot');
    expect(crossesAlone(message, language)).toBe(false);
  });

  it('is one outburst per message: aimed words score per message, capped', () => {
    const result = frustrationScore(['botti on turha', 'ihan turha botti', 'surkea botti'], 'fi');
    expect(result.signals[0]).toEqual({
      kind: 'aimed_at_bot',
      weight: FRUSTRATION_WEIGHTS.aimedAtBot.max,
      detail: '3 messages: "surkea" at "botti"',
    });
    expect(frustrationScore(['turha botti, surkea botti, paska botti'], 'fi').signals).toContainEqual({
      kind: 'aimed_at_bot',
      weight: FRUSTRATION_WEIGHTS.aimedAtBot.each,
      detail: '1 message: "turha" at "botti"',
    });
  });

  it('names the word and what it was aimed at, or that it stood on its own', () => {
    expect(readForFrustration('mä en jaksa tätä paskaa', 'fi').aimed).toEqual({ word: 'paskaa', target: 'tätä' });
    expect(readForFrustration('det här är värdelöst', 'sv').aimed).toEqual({ word: 'värdelöst', target: 'det här' });
    expect(readForFrustration('Useless. Absolutely useless.', 'en').aimed).toEqual({ word: 'useless', target: null });
  });

  it('lets "this" stand for the conversation only when it stands alone', () => {
    expect(readForFrustration('this is useless', 'en').aimed).toEqual({ word: 'useless', target: 'this' });
    expect(readForFrustration('tätä paskaa', 'fi').aimed).toEqual({ word: 'paskaa', target: 'tätä' });
    expect(readForFrustration('this phone case is useless', 'en').aimed).toBeNull();
    expect(readForFrustration('tämä tuote on surkea', 'fi').aimed).toBeNull();
    expect(readForFrustration('I hate this', 'en').aimed).toEqual({ word: 'hate', target: 'this' });
    expect(readForFrustration('I hate that I forgot my password again', 'en').aimed).toBeNull();
    expect(readForFrustration('sorry if this is a stupid question', 'en').aimed).toBeNull();
    expect(readForFrustration('anteeksi jos tämä on tyhmä kysymys', 'fi').aimed).toBeNull();
    expect(readForFrustration('this is a useless bot', 'en').aimed).toEqual({ word: 'useless', target: 'this' });
  });

  it(`allows ${MAX_AIM_GAP} words between the word and its target, intensifiers not counted`, () => {
    expect(readForFrustration('botti on jo ihan täysin turha', 'fi').aimed).not.toBeNull();
    expect(readForFrustration('this bot is just so very useless', 'en').aimed).not.toBeNull();
    expect(readForFrustration('turha kysyä mutta onko botti auki', 'fi').aimed).toBeNull();
  });

  it('reads the swearing lexicon inflected and without diacritics, counted with the negative words', () => {
    expect(SWEAR_WORDS.fi).toContain('vittu');
    expect(frustrationScore(['vitun perkeleen helvetin jono'], 'fi').signals).toEqual([
      { kind: 'negative_words', weight: 0.6, detail: '"vitun", "perkeleen", "helvetin"' },
    ]);
    expect(frustrationScore(['javla skit'], 'sv').signals[0]).toMatchObject({ kind: 'negative_words', weight: 0.4 });
    expect(frustrationScore(['fucking hell ffs'], 'en').signals[0]).toMatchObject({ detail: '"fucking", "ffs"' });
  });

  it('keeps ordinary words that begin like a listed word out of the count', () => {
    // Words left out of the lists on purpose, or that a stem of a listed word begins.
    for (const [language, message] of [
      ['fi', 'Onko persikka saatavilla, vai onko vihannes loppu?'],
      ['en', 'Hello, do you sell dumbbells?'],
      ['sv', 'Har ni öppet i kassan? Det här är härligt.'],
    ] as const) {
      expect(frustrationScore([message], language)).toEqual({ score: 0, signals: [] });
    }
  });

  it('gives agents a reason line that names the signals', () => {
    expect(reasonFor('botti on ihan turha!!!', 'fi')).toEqual({
      trigger: 'frustration',
      reason: 'frustration 0.75: words aimed at the bot, negative words, repeated punctuation',
    });
    expect(reasonFor('wtf is this bot', 'en')).toEqual({
      trigger: 'frustration',
      reason: 'frustration 0.60: words aimed at the bot, negative words',
    });
    expect(reasonFor('turha kysyä mutta onko teillä tätä kenkää', 'fi')).toBeNull();
  });
});
