/**
 * The cues that make a person phrase ask for nobody although it occurs: an identity question
 * ("oletko ihminen?"), a contact reported or asked about ("puhuin eilen…", "puhuinko…?"), a
 * question whether a person is needed, a question about how the company works, Swedish "utan att"
 * before the phrase, and a decline after it. Not editable by site owners; the matcher (text.ts)
 * lower-cases, stems and folds diacritics on both sides, and cues match by spelling.
 * Negation cues and the other grammar lists are in grammar-lexicon.ts.
 */
import type { PerLanguage } from './lexicon';

/**
 * Questions about whether the bot is a person are not requests for one: "oletko ihminen?", "am I
 * talking to a human?", "är du en människa?". A phrase preceded by (or starting with) one of these
 * in the same clause does not fire. "Is there a human I can talk to?" is a request and is not
 * listed.
 */
export const IDENTITY_QUESTION_CUES: PerLanguage<readonly string[]> = {
  fi: ['oletko', 'olenko', 'puhunko', 'juttelenko', 'keskustelenko', 'chattailenko', 'onko tämä', 'onko tää'],
  en: [
    'am i talking',
    'am i speaking',
    'am i chatting',
    'are you a',
    'are you human',
    'are you real',
    'is this a',
    'is this real',
    'is it a',
    'is that a',
  ],
  sv: ['pratar jag', 'talar jag', 'chattar jag', 'är du', 'är det en', 'är detta en'],
};

/**
 * A contact the customer reports or asks about, not one they ask for: "puhuin eilen
 * asiakaspalvelijanne kanssa", "I spoke to a human yesterday", "jag pratade med en människa hos
 * er", "puhuinko eilen ihmisen kanssa?". A phrase that starts with,
 * or follows shortly in the same clause, one of these past-tense verbs does not fire. Only talking
 * verbs are listed: "I called three times, I want a person" is a request.
 */
export const PAST_CONTACT_CUES: PerLanguage<readonly string[]> = {
  fi: [
    ...['puhuin', 'puhuimme', 'keskustelin', 'keskustelimme', 'juttelin', 'juttelimme', 'olin yhteydessä', 'olimme yhteydessä'],
    // The perfect: "olen jo puhunut ihmisen kanssa".
    ...['puhunut', 'puhuneet', 'keskustellut', 'keskustelleet', 'jutellut', 'jutelleet', 'ollut yhteydessä'],
    // Asked about, with the question clitic -ko/-kö (-kohan): "puhuinko eilen ihmisen vai botin
    // kanssa?" asks what happened, not for a person. Cues match by spelling, so each form is listed.
    ...['puhuinko', 'puhuinkohan', 'puhuimmeko', 'keskustelinko', 'keskustelinkohan', 'keskustelimmeko'],
    ...['juttelinko', 'juttelinkohan', 'juttelimmeko', 'olinko yhteydessä', 'olimmeko yhteydessä'],
  ],
  en: [
    ...['spoke', 'spoken', 'talked', 'chatted', 'was talking', 'was speaking', 'was chatting'],
    // Asked about: "did I talk to a human yesterday or a bot?".
    ...['did i talk', 'did i speak', 'did i chat', 'was i talking', 'was i speaking', 'was i chatting'],
  ],
  sv: [
    ...['pratade', 'talade', 'chattade', 'snackade', 'var i kontakt', 'hade kontakt'],
    // The perfect: "jag har redan pratat med en människa".
    ...['pratat', 'talat', 'chattat', 'snackat', 'varit i kontakt', 'haft kontakt'],
  ],
};

/**
 * A question whether a person is needed is about the process, not a request: "do I need to talk
 * to a person to cancel?", "pitääkö minun soittaa asiakaspalveluun?", "måste jag prata med en
 * person?". A phrase starting with, or shortly after, one of these in the same clause does not
 * fire. Swedish cues count only when they open a clause: with the verb second, "nu behöver jag
 * prata med en människa" (now I need to…) is a request.
 */
export const NECESSITY_QUESTION_CUES: PerLanguage<readonly string[]> = {
  fi: [
    ...['pitääkö minun', 'pitääkö mun', 'täytyykö minun', 'täytyykö mun', 'tarvitseeko minun', 'tarviiko mun'],
    ...['pitääkö meidän', 'täytyykö meidän', 'tarvitseeko meidän', 'onko pakko', 'onko minun pakko', 'onko mun pakko'],
  ],
  en: [
    ...['do i need to', 'do i have to', 'do i need a', 'must i', 'should i', 'is it necessary to', 'is it necessary that'],
    ...['do we need to', 'do we have to', 'does one have to', 'does one need to', 'is it mandatory to'],
  ],
  sv: ['måste jag', 'behöver jag', 'ska jag behöva', 'måste man', 'behöver man', 'måste vi', 'behöver vi'],
};

/**
 * A question about how the company works, not a request: "do you use human agents, bots or
 * both?", "käytättekö ihmisiä vai botteja?", "använder ni mänskliga agenter?". A phrase starting
 * with, or shortly after, one of these in the same clause does not fire. Only verbs of using,
 * employing and replacing people are listed: "do you have a human I can talk to?" is a request.
 */
export const PRACTICE_QUESTION_CUES: PerLanguage<readonly string[]> = {
  fi: [
    ...['käytättekö', 'käyttääkö', 'käytetäänkö', 'käytätkö', 'palkkaatteko', 'palkkaako', 'työllistättekö'],
    ...['korvaatteko', 'korvaako', 'korvataanko'],
  ],
  en: [
    ...['do you use', 'do you still use', 'does your company use', 'are you using', 'do you employ', 'do you hire'],
    ...['are you hiring', 'will you replace', 'are you replacing', 'did you replace', 'will bots replace', 'do bots replace'],
  ],
  sv: [
    ...['använder ni', 'använder du', 'använder företaget', 'anställer ni', 'kommer ni att ersätta', 'ersätter ni'],
    ...['ersätter boten', 'ersätter botar'],
  ],
};

/**
 * Swedish "utan att" (without) followed by an infinitive negates that infinitive: "kan jag säga
 * upp avtalet utan att prata med någon?". "Utan" alone still starts a new clause, as in "inte
 * boten utan en människa" (not the bot but a person); with "att" after it, a phrase is negated
 * when at most WITHOUT_INFINITIVE_WINDOW words other than function words and request filler
 * stand between the cue and the phrase and none of them is a finite verb of MAIN_CLAUSE_VERBS.
 * English "without" and Finnish "ilman" are plain negation cues.
 */
export const WITHOUT_INFINITIVE_CUES: PerLanguage<readonly string[]> = {
  fi: [],
  en: [],
  sv: ['utan att'],
};

/**
 * Finite verbs that start the main clause after a fronted "utan att" clause, with the verb second:
 * "utan att få svar i telefon **vill** jag prata med någon" is a request. Spelled as written (the
 * infinitives "vilja", "kunna", "behöva" are not listed: "utan att behöva prata med någon").
 */
export const MAIN_CLAUSE_VERBS: PerLanguage<readonly string[]> = {
  fi: [],
  en: [],
  sv: ['vill', 'ville', 'kan', 'kunde', 'måste', 'ska', 'skall', 'skulle', 'behöver', 'får', 'tänker', 'borde', 'önskar'],
};

/** Languages whose necessity-question cues count only at the start of a clause (see above). */
export const NECESSITY_QUESTION_OPENS_CLAUSE: PerLanguage<boolean> = { fi: false, en: false, sv: true };

/**
 * A person phrase offered and turned down in the next breath: "talk to a human? nah, I'm good",
 * "ihminen? ei kiitos", "prata med någon? nej tack". A cue that opens a clause after the phrase's
 * clause refuses it. Only answers that decline are listed: "no need" or "ei tarvitse" could open
 * "no need for more links, I want a person".
 */
export const DECLINE_CUES: PerLanguage<readonly string[]> = {
  fi: ['ei kiitos', 'ei kiitti', 'eipä kiitos', 'ei sittenkään', 'en sittenkään'],
  en: ['no thanks', 'no thank you', 'nah', 'nope', 'never mind', 'nevermind', 'im good', 'im fine'],
  sv: ['nej tack', 'nä tack', 'nej då', 'strunt i det', 'glöm det'],
};
