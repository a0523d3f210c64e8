/**
 * The learned layer in detection and in "try a sentence": it speaks only when no rule fires, the
 * site owner's lists win, a negated person phrase vetoes it, and the switch and threshold hold.
 * Messages here are written for this test, not taken from the field corpus.
 */
import { askForPersonProbability } from '../classifier';
import { detectCustomerEscalation } from '../detect';
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '../rules';
import { tryEscalation } from '../trial';

function settingsWith(edit: (settings: EscalationSettings) => void): EscalationSettings {
  const settings = structuredClone(DEFAULT_ESCALATION_SETTINGS) as EscalationSettings;
  edit(settings);
  return settings;
}

const input = (text: string, language: string, settings: EscalationSettings = DEFAULT_ESCALATION_SETTINGS) => ({
  text,
  language,
  previousCustomerMessages: [],
  settings,
});

const RULES_ONLY = settingsWith((settings) => {
  settings.intent.enabled = false;
});

// Requests for a person that no phrase or keyword of the default lists names.
const INDIRECT_REQUESTS: ReadonlyArray<[string, string]> = [
  ['fi', 'Saisinko jonkun henkilökunnasta juttelemaan'],
  ['sv', 'Kan någon av er ringa mig?'],
];

describe('the intent layer in detection', () => {
  it.each(INDIRECT_REQUESTS)('[%s] %p: missed by the rules, caught by the classifier with its confidence', (language, text) => {
    expect(detectCustomerEscalation(input(text, language, RULES_ONLY))).toEqual({ escalate: false });
    const decision = detectCustomerEscalation(input(text, language));
    const confidence = askForPersonProbability(text, language);
    expect(confidence).toBeGreaterThanOrEqual(DEFAULT_ESCALATION_SETTINGS.intent.threshold);
    expect(decision).toEqual({
      escalate: true,
      trigger: 'intent',
      reason: `asked for a person (confidence ${confidence.toFixed(2)})`,
      matched: null,
      confidence,
    });
  });

  it('stays silent when switched off, and below its threshold', () => {
    const [language, text] = INDIRECT_REQUESTS[0];
    expect(detectCustomerEscalation(input(text, language, RULES_ONLY))).toEqual({ escalate: false });
    const strict = settingsWith((settings) => {
      settings.intent.threshold = 0.99;
    });
    expect(askForPersonProbability(text, language)).toBeLessThan(0.99);
    expect(detectCustomerEscalation(input(text, language, strict))).toEqual({ escalate: false });
  });

  it('leaves plain questions, greetings and acknowledgements alone', () => {
    for (const [language, text] of [
      ['fi', 'Hei'],
      ['en', 'hello'],
      ['en', 'one more thing'],
      ['sv', 'Tack!'],
      ['en', 'Where is my parcel?'],
      ['fi', 'Paljonko toimitus maksaa Ouluun?'],
      ['sv', 'Vilka öppettider har butiken i Malmö?'],
    ]) {
      expect(detectCustomerEscalation(input(text, language))).toEqual({ escalate: false });
    }
  });

  it("lets the site owner's phrases and keywords win: they run first and keep their reasons", () => {
    expect(detectCustomerEscalation(input('Haluan puhua ihmisen kanssa', 'fi'))).toMatchObject({ trigger: 'phrase' });
    const edited = settingsWith((settings) => {
      settings.phrases.lists.fi = ['henkilökunnasta juttelemaan'];
    });
    expect(detectCustomerEscalation(input(INDIRECT_REQUESTS[0][1], 'fi', edited))).toMatchObject({
      trigger: 'phrase',
      matched: 'henkilökunnasta juttelemaan',
    });
  });

  it('is vetoed by a person phrase the rules read as negated or as an identity question', () => {
    for (const [language, text] of [
      ['fi', 'En halua puhua ihmisen kanssa'],
      ['en', 'I do not want to speak to a human'],
      ['en', 'Am I talking to a real person?'],
    ]) {
      expect(detectCustomerEscalation(input(text, language))).toEqual({ escalate: false });
    }
  });
});

describe('tryEscalation with the learned layer', () => {
  it('reports the classifier, its confidence and the strongest words of the message', () => {
    const [language, text] = INDIRECT_REQUESTS[0];
    const trial = tryEscalation(input(text, language));
    expect(trial).toMatchObject({ escalate: true, decidedBy: 'intent', confidence: askForPersonProbability(text, language) });
    expect(trial.reason).toMatch(/^asked for a person \(confidence 0\.\d\d\)$/);
    expect(trial.matchedWords.length).toBeGreaterThan(0);
    const messageWords = text.toLowerCase().split(/\s+/);
    for (const word of trial.matchedWords) expect(messageWords).toContain(word);
  });

  it('gives the confidence even when a rule decided, and the message words the phrase matched', () => {
    const text = 'Haluan puhua IHMISEN kanssa';
    const trial = tryEscalation(input(text, 'fi'));
    expect(trial).toMatchObject({ decidedBy: 'phrase', confidence: askForPersonProbability(text, 'fi') });
    expect(trial.matchedWords).toEqual(['ihmisen', 'kanssa']);
  });

  it('gives the keyword as the customer wrote it', () => {
    expect(tryEscalation(input('Haluan tehdä valituksen', 'fi')).matchedWords).toEqual(['valituksen']);
  });

  it('has no confidence when the layer is off, and no words when nothing fires', () => {
    expect(tryEscalation(input('Haluan puhua ihmisen kanssa', 'fi', RULES_ONLY)).confidence).toBeNull();
    const quiet = tryEscalation(input('Where is my parcel?', 'en'));
    expect(quiet).toMatchObject({ escalate: false, decidedBy: null, reason: null, matchedWords: [] });
    expect(quiet.confidence).toBeLessThan(0.5);
  });
});

describe('a reported contact is not a request', () => {
  it.each([
    ['fi', 'Puhuin eilen ihmisen kanssa teillä, ja asia selvisi. Milloin paketti lähtee?'],
    ['en', 'I spoke to a human yesterday and it was sorted. When does the parcel leave?'],
    ['sv', 'Jag pratade med en människa hos er igår. När skickas paketet?'],
  ])('[%s] %p: neither a phrase nor the classifier fires', (language, text) => {
    expect(detectCustomerEscalation(input(text, language))).toEqual({ escalate: false });
  });

  it('still lets a request after the report fire', () => {
    expect(detectCustomerEscalation(input('I talked to the bot for ages. I want a human', 'en'))).toMatchObject({ trigger: 'phrase' });
    expect(detectCustomerEscalation(input('Puhuin botin kanssa, haluan puhua ihmisen kanssa', 'fi'))).toMatchObject({ trigger: 'phrase' });
  });
});
