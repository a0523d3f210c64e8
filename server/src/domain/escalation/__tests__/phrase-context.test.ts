/**
 * A person mentioned but not asked for: a word that only begins like a person word, a question
 * about what a person does, a comparison, the customer's own need as a condition, and people in
 * general (Finnish plural). Each is read by the rules and vetoes the classifier too, so the
 * default settings (learned layer on) must not escalate them; the requests next to them still do.
 * Messages written for this test.
 */
import { detectCustomerEscalation } from '../detect';
import { DEFAULT_ESCALATION_SETTINGS } from '../rules';
import { isFinnishPluralOf, matchesWord, wordForm, type StemLanguage } from '../text';

const decide = (text: string, language: string) =>
  detectCustomerEscalation({ text, language, previousCustomerMessages: [], settings: DEFAULT_ESCALATION_SETTINGS });

const matches = (typed: string, listWord: string, language: StemLanguage) =>
  matchesWord(wordForm(typed, language), wordForm(listWord, language), language);

describe('a word that only begins like a person word is another word', () => {
  it.each([
    ['personalen', 'person', 'sv'],
    ['butikspersonalen', 'person', 'sv'],
    ['lagerpersonal', 'person', 'sv'],
    ['persona', 'person', 'en'],
  ] as const)('%s is not %s (%s)', (typed, listWord, language) => {
    expect(matches(typed, listWord, language)).toBe(false);
  });

  it.each([
    ['personalen', 'personal', 'sv'],
    ['människan', 'människa', 'sv'],
    ['personerna', 'person', 'sv'],
    ['kundtjänstchefen', 'kundtjänst', 'sv'],
    ['persons', 'person', 'en'],
  ] as const)('%s still stands for %s (%s)', (typed, listWord, language) => {
    expect(matches(typed, listWord, language)).toBe(true);
  });

  it.each([
    ['sv', 'Pratar butikspersonalen finska?'],
    ['sv', 'Pratar lagerpersonalen engelska?'],
    ['sv', 'Talar kundtjänstpersonalen svenska på lördagar?'],
  ])('[%s] %p does not escalate', (language, text) => {
    expect(decide(text, language).escalate).toBe(false);
  });
});

describe('a question about what a person does is not a request', () => {
  it.each([
    ['sv', 'Kollar en riktig person bilderna?'],
    ['sv', 'Läser en riktig människa mina mejl?'],
    ['sv', 'Granskar en riktig person ansökan innan beslutet?'],
    ['en', 'Does a real person check the photos?'],
    ['en', 'Will a real person read my appeal?'],
    ['en', 'Do real humans review the claims?'],
  ])('[%s] %p does not escalate', (language, text) => {
    expect(decide(text, language).escalate).toBe(false);
  });

  it.each([
    ['sv', 'Kan en riktig person titta på mitt ärende?'],
    ['sv', 'Finns det en riktig person som kan hjälpa mig?'],
    ['sv', 'Jag vill prata med en riktig person nu.'],
    ['en', 'Can a real person help me?'],
    ['en', 'Is there a real person I can talk to?'],
  ])('[%s] %p still escalates on a phrase', (language, text) => {
    expect(decide(text, language)).toMatchObject({ escalate: true, trigger: 'phrase' });
  });
});

describe('a person compared with the bot is a topic', () => {
  it.each([
    ['en', "What's the difference between a human agent and the bot?"],
    ['en', 'How does a real person compare to the chatbot for refunds?'],
    ['fi', 'Mikä ero on asiakaspalvelijalla ja botilla?'],
    ['fi', 'Mitä eroa on puhua ihmisen kanssa verrattuna chattiin?'],
    ['sv', 'Vad är skillnaden mellan en riktig person och boten?'],
    ['sv', 'Hur skiljer sig att prata med en människa jämfört med chatten?'],
  ])('[%s] %p does not escalate', (language, text) => {
    expect(decide(text, language).escalate).toBe(false);
  });
});

describe("the customer's own need as a condition is not a request", () => {
  it.each([
    ['fi', 'jos haluun puhua ihmiselle myöhemmin, mistä löydän numeron?'],
    ['fi', 'Jos tarvitsen joskus oikean ihmisen, miten sen saa?'],
    ['fi', 'Kiitos, mutta jos joudun puhumaan ihmisen kanssa, onko chat auki illalla?'],
    ['en', "If I ever need to talk to a person, what's the number?"],
    ['en', 'In case I want to speak to someone later, are you open on Sundays?'],
    ['en', 'What if I need a real person at the weekend?'],
    ['sv', 'Om jag vill prata med en människa senare, hur gör jag?'],
    ['sv', 'Ifall jag behöver prata med någon i helgen, är ni öppna då?'],
  ])('[%s] %p does not escalate', (language, text) => {
    expect(decide(text, language).escalate).toBe(false);
  });

  it.each([
    ['fi', 'jos mahdollista haluaisin puhua ihmisen kanssa'],
    ['fi', 'Jos botti ei osaa, haluan puhua ihmisen kanssa'],
    ['en', "If you can't help, I want to talk to a person"],
    ['en', 'if the bot cant help i want to talk to a person'],
    ['sv', 'Om ni inte kan hjälpa mig vill jag prata med en människa'],
  ])('[%s] %p still escalates on a phrase', (language, text) => {
    expect(decide(text, language)).toMatchObject({ escalate: true, trigger: 'phrase' });
  });
});

describe('Finnish: people in general (the plural) are not asked for', () => {
  it.each([
    ['ihmisten', 'ihminen', true],
    ['ihmisiä', 'ihminen', true],
    ['ihmiset', 'ihminen', true],
    ['asiakaspalvelijoiden', 'asiakaspalvelija', true],
    ['myyjien', 'myyjä', true],
    ['henkilöt', 'henkilö', true],
    ['ihmisen', 'ihminen', false],
    ['ihmistä', 'ihminen', false],
    ['asiakaspalvelijalle', 'asiakaspalvelija', false],
    ['myyjälle', 'myyjä', false],
  ] as const)('%s is a plural of %s: %s', (typed, listWord, plural) => {
    expect(isFinnishPluralOf(wordForm(typed, 'fi'), wordForm(listWord, 'fi'))).toBe(plural);
  });

  it.each([
    'ihmisten kanssa on mukava jutella',
    'Tykkään olla ihmisten kanssa enemmän kuin koneiden',
    'Oikeat ihmiset kirjoittavat teidän ohjeenne vai tekoäly?',
  ])('%p does not escalate', (text) => {
    expect(decide(text, 'fi').escalate).toBe(false);
  });

  it.each(['haluan puhua oikeiden ihmisten kanssa', 'Haluan puhua ihmisen kanssa'])('%p still escalates on a phrase', (text) => {
    expect(decide(text, 'fi')).toMatchObject({ escalate: true, trigger: 'phrase' });
  });
});

describe('asking not to be called vetoes the classifier', () => {
  it.each([
    ['fi', 'Älkää soittako enää, en ole kiinnostunut tarjouksista'],
    ['fi', 'Poistakaa numeroni soittolistalta kiitos'],
    ['fi', 'En halua että minulle soitetaan, hoidetaan tämä viestillä'],
    ['en', 'Please stop calling me about broadband deals'],
    ['en', "Don't ring me again, I'm not interested"],
    ['en', 'Take me off your phone list'],
    ['sv', 'Sluta ringa mig om elavtal!'],
    ['sv', 'Ta bort mitt nummer från era listor'],
    ['sv', 'Jag vill inte bli uppringd igen, mejla i stället'],
  ])('[%s] %p does not escalate', (language, text) => {
    expect(decide(text, language).escalate).toBe(false);
  });

  it.each([
    ['en', "Don't call me, get me a real person on this chat"],
    ['sv', 'Ring inte, jag vill prata med en människa här i chatten'],
    ['fi', 'Älkää soittako, haluan puhua ihmisen kanssa täällä chatissa'],
  ])('[%s] %p still escalates on its phrase (the rules go first)', (language, text) => {
    expect(decide(text, language)).toMatchObject({ escalate: true, trigger: 'phrase' });
  });
});
