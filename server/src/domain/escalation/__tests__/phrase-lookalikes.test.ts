/**
 * Person phrases that look-alike sentences use without asking for a person: a past contact asked
 * about ("puhuinko eilen ihmisen kanssa?"), Swedish "utan att" (without) before the phrase, a
 * one-word phrase that begins a compound of another noun ("henkilöstöalennus"), and a question
 * about how the company works ("do you use human agents?"). Each reading comes with requests
 * written against it, which must still fire; and the other way round, "do you have a human I can
 * talk to?" fires, with look-alikes written against it. Messages written for this test.
 */
import { detectCustomerEscalation } from '../detect';
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '../rules';

const RULES_ONLY: EscalationSettings = { ...DEFAULT_ESCALATION_SETTINGS, intent: { enabled: false, threshold: 1 } };
const decide = (text: string, language: string, settings: EscalationSettings = RULES_ONLY) =>
  detectCustomerEscalation({ text, language, previousCustomerMessages: [], settings });

describe('a past contact asked about is not a request', () => {
  it.each([
    ['fi', 'Puhuinko eilen ihmisen vai botin kanssa? Vastaus oli tosi hyvä.'],
    ['fi', 'Puhuinko oikean ihmisen kanssa eilen?'],
    ['fi', 'Juttelinko äsken asiakaspalvelijan kanssa vai botin?'],
    ['fi', 'Keskustelinko eilen teidän asiakaspalvelijan kanssa?'],
    ['en', 'Did I speak to a human yesterday or was it the bot?'],
    ['en', 'Was I talking to a real person earlier?'],
    ['sv', 'Pratade jag med en riktig person igår?'],
  ])('[%s] %p: neither a phrase nor the classifier fires', (language, text) => {
    expect(decide(text, language, DEFAULT_ESCALATION_SETTINGS)).toEqual({ escalate: false });
  });

  it.each([
    ['fi', 'Puhuinko koko ajan botin kanssa? Haluan ihmisen.'],
    ['fi', 'Juttelinko turhaan koneen kanssa? Yhdistä minut asiakaspalvelijalle.'],
    ['fi', 'Puhuinkohan liian epäselvästi? Haluan puhua oikean ihmisen kanssa.'],
    ['fi', 'Keskustelinko väärän botin kanssa, haluan puhua ihmiselle'],
    ['en', 'Did I talk to a bot all along? I want a real person now.'],
    ['sv', 'Pratade jag med en bot hela tiden? Jag vill prata med en människa.'],
  ])('[%s] %p: a request in the next clause still fires', (language, text) => {
    expect(decide(text, language)).toMatchObject({ escalate: true, trigger: 'phrase' });
  });
});

describe('Swedish "utan att" negates the infinitive after it', () => {
  it.each([
    'Om storleken är fel, kan jag skicka tillbaka den utan att prata med någon?',
    'Går det att byta adress utan att prata med en människa?',
    'Kan jag säga upp avtalet utan att behöva prata med någon?',
  ])('%p: neither a phrase nor the classifier fires', (text) => {
    expect(decide(text, 'sv', DEFAULT_ESCALATION_SETTINGS)).toEqual({ escalate: false });
  });

  it.each([
    'Jag vill prata med en människa utan att vänta i kö',
    'Utan att få svar i telefon vill jag prata med någon',
    'Jag har försökt utan att få svar, nu vill jag prata med en människa',
    'Inte boten utan en människa',
    'Jag vill inte ha boten utan en riktig människa',
  ])('%p: a request before it, after a main-clause verb or after "utan" alone still fires', (text) => {
    expect(decide(text, 'sv')).toMatchObject({ escalate: true, trigger: 'phrase' });
  });

  it.each([
    ['fi', 'Haluan puhua ihmisen kanssa ilman jonotusta'],
    ['en', 'I want to talk to a person without waiting in the phone queue'],
  ])('[%s] %p: "without" after a request does not cancel it in the other languages either', (language, text) => {
    expect(decide(text, language)).toMatchObject({ escalate: true, trigger: 'phrase' });
  });
});

describe('a one-word phrase that begins a compound of another noun', () => {
  it.each([
    ['fi', 'Henkilöstöalennus'],
    ['fi', 'Henkilöstöalennus, koskeeko se myös outlet-tuotteita?'],
    ['sv', 'Personalavdelningen'],
  ])('[%s] %p: the phrase does not fire', (language, text) => {
    expect(decide(text, language)).toEqual({ escalate: false });
  });

  it.each([
    ['fi', 'Henkilö kiitos'],
    ['fi', 'Henkilökuntaa kiitos'],
    ['fi', 'Asiakaspalvelijalle kiitos'],
    ['fi', 'Asiakaspalvelijallenne kiitos'],
    ['fi', 'Myyjälle kiitos'],
    ['sv', 'Kundtjänsten tack'],
    ['sv', 'Personalen tack'],
    ['en', 'Agents please'],
  ])('[%s] %p: an inflected person word still fires', (language, text) => {
    expect(decide(text, language)).toMatchObject({ escalate: true, trigger: 'phrase' });
  });
});

describe('a question about how the company works is not a request', () => {
  it.each([
    ['en', "I'm writing a blog post about retail: do you use human agents, bots, or both?"],
    ['en', 'Do you use human agents or is it all automated?'],
    ['en', 'Are you hiring customer service agents?'],
    ['sv', 'Använder ni riktiga människor eller bara botar?'],
    ['fi', 'Käytättekö oikeita ihmisiä asiakaspalvelussa?'],
  ])('[%s] %p: neither a phrase nor the classifier fires', (language, text) => {
    expect(decide(text, language, DEFAULT_ESCALATION_SETTINGS)).toEqual({ escalate: false });
  });

  it.each([
    ['en', 'Do you use live chat? I want to talk to a person.'],
    ['en', 'Do you have a human agent available?'],
    ['en', 'I use your app every day, now I want to talk to a person'],
    ['sv', 'Använder ni chatt? Jag vill prata med en människa.'],
    ['sv', 'Jag använder appen varje dag, nu vill jag prata med en människa'],
    ['fi', 'Käytättekö tätä bottia aina? Haluan puhua ihmisen kanssa.'],
    ['fi', 'Käytän sovellusta päivittäin, haluan puhua ihmisen kanssa'],
  ])('[%s] %p: a request still fires', (language, text) => {
    expect(decide(text, language)).toMatchObject({ escalate: true, trigger: 'phrase' });
  });
});

describe('"do you have a human I can talk to?" asks for a person, as "is there a human…?" does', () => {
  it.each([
    ['en', 'Do you have a human I can talk to?'],
    ['en', 'do you have a real person i could speak with please'],
    ['en', 'Do you have an agent I can chat with?'],
    ['en', 'Hi, do you have a human?'],
    ['en', 'I do need a human now'],
    ['sv', 'Har ni en människa jag kan prata med?'],
    ['sv', 'Har ni en riktig person jag kan få prata med?'],
    ['sv', 'Hej, har ni personal jag kan chatta med?'],
    ['sv', 'Kan ni koppla mig till en handläggare?'],
  ])('[%s] %p fires', (language, text) => {
    expect(decide(text, language)).toMatchObject({ escalate: true, trigger: 'phrase' });
  });

  it.each([
    ['en', 'Do you have a human resources department?'],
    ['en', 'Do you have a person who checks the photos?'],
    ['en', 'Do you have staff in the Espoo store on Sundays?'],
    ['en', 'What do humans do in your company?'],
    ['en', 'Do you use human agents or a bot?'],
    ['en', 'Are you a human?'],
    ['en', 'Do you have an agent number for me?'],
    ['sv', 'Har ni personal i Umeå?'],
    ['sv', 'Har ni en person som kollar bilderna?'],
    ['sv', 'Är du en människa?'],
    ['sv', 'Ni har en väldigt trevlig personal.'],
  ])('[%s] %p does not fire on a rule', (language, text) => {
    expect(decide(text, language)).toEqual({ escalate: false });
  });
});
