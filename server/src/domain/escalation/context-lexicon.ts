/**
 * Grammar lists for the contexts in which a person is mentioned but not asked for: a hypothetical
 * future need, a comparison, and a question about what a person does. Not editable by site owners;
 * written the way people type (the matcher lower-cases and folds diacritics; cues match by exact
 * spelling, like the other cues in grammar-lexicon.ts).
 */
import type { PerLanguage } from './lexicon';

/**
 * The customer's own need in a condition: "jos haluun puhua ihmiselle myöhemmin, mikä numero?",
 * "if I ever need to talk to a person, what do I do?", "om jag vill prata med en människa senare".
 * A phrase starting with, or shortly after, one of these in the same clause does not fire, and the
 * cue must open its clause. Only a condition on the customer's OWN wish or need is listed: "if a
 * human is available, connect me" and "jos voisin puhua ihmisen kanssa" are requests.
 */
export const HYPOTHETICAL_CUES: PerLanguage<readonly string[]> = {
  fi: [
    ...['jos haluan', 'jos haluun', 'jos tarvitsen', 'jos tarviin', 'jos tarvitsisin', 'jos joudun', 'jos joskus'],
    ...['jos mä haluan', 'jos mä haluun', 'jos mä tarviin', 'jos mä tarvitsen', 'jos minä haluan', 'jos minä tarvitsen'],
    ...['jos myöhemmin', 'jos tulevaisuudessa', 'mikäli haluan', 'mikäli tarvitsen', 'siltä varalta että'],
  ],
  en: [
    ...['if i want', 'if i wanted', 'if i need', 'if i needed', 'if i ever', 'if i have to', 'if i later', 'if i do want'],
    ...['in case i', 'what if i', 'if we want', 'if we need', 'if we ever', 'should i ever', 'should i need', 'when i need', 'when i want'],
  ],
  sv: [
    ...['om jag vill', 'om jag skulle vilja', 'om jag behöver', 'om jag skulle behöva', 'om jag någon gång', 'om jag senare'],
    ...['ifall jag vill', 'ifall jag behöver', 'i fall jag', 'tänk om jag', 'om vi vill', 'om vi behöver', 'när jag vill'],
  ],
};

/**
 * A person compared with something ("what's the difference between a human agent and the bot?",
 * "mikä ero on asiakaspalvelijalla ja botilla?", "skillnaden mellan en rådgivare och boten") is a
 * topic, not a request. A phrase in the same clause as one of these does not fire, before or after.
 * "Better than" is not listed: "a human would be better than this bot" is a request in effect.
 */
export const COMPARISON_CUES: PerLanguage<readonly string[]> = {
  fi: ['ero', 'eroa', 'erot', 'eroja', 'erona', 'eroaa', 'eroavat', 'verrattuna', 'vertailu', 'vs'],
  en: ['difference', 'differences', 'differ', 'differs', 'compared', 'comparing', 'compare', 'versus', 'vs'],
  sv: ['skillnad', 'skillnaden', 'skillnader', 'skiljer', 'jämfört', 'jämföra', 'jämförelse', 'kontra', 'vs'],
};

/**
 * Swedish asks with the verb first: "Kollar en riktig person bilderna?" (does a real person check
 * the photos?) asks what a person does, like the English "does a real person check…", which the
 * English PERSON_FOLLOWERS check already reads. In a QUESTION whose first word is not a request
 * word ("kan", "får", …, the fillers), a phrase of several words followed by a word outside this
 * list is about the person, not a request. Only questions: a statement's word order says nothing.
 */
export const QUESTION_PERSON_FOLLOWERS: PerLanguage<readonly string[]> = {
  fi: [],
  en: [],
  sv: [
    ...['jag', 'vi', 'du', 'ni', 'som', 'där', 'här', 'nu', 'idag', 'direkt', 'snabbt', 'istället', 'också', 'eller'],
    ...['i', 'på', 'om', 'från', 'hos', 'via', 'angående', 'gällande', 'kring', 'per', 'än', 'tack', 'snälla', 'tillgänglig'],
  ],
};

/**
 * Asking NOT to be called or contacted: "sluta ringa mig", "please stop calling me", "älkää
 * soittako enää", "remove my number from your list". Words of calling and contact in a message
 * that asks for the opposite; when one of these occurs and no rule fired, the classifier is not
 * asked. A request in the same message ("don't call, get me a real person here") still fires on
 * its phrase, since the rules go first.
 */
export const OPT_OUT_CUES: PerLanguage<readonly string[]> = {
  fi: [
    ...['älkää soittako', 'älä soita', 'älkää enää soittako', 'lopettakaa soittaminen', 'lopettakaa soittelu', 'lopeta soittelu'],
    ...['lopettakaa soittelemasta', 'lakatkaa soittamasta', 'poistakaa numeroni', 'poistakaa minut', 'poista numeroni'],
    ...['en halua puheluita', 'en halua enää puheluita', 'ei puheluita', 'en halua että minulle soitetaan', 'en halua että mulle soitetaan'],
  ],
  en: [
    ...['stop calling', 'stop ringing', 'stop phoning', 'quit calling', 'dont call', 'do not call', 'dont ring', 'do not ring'],
    ...['dont phone', 'no more calls', 'remove my number', 'take my number off', 'take me off', 'remove me from', 'unsubscribe me'],
    ...['dont want any calls', 'dont want any more calls', 'dont want calls'],
  ],
  sv: [
    ...['sluta ringa', 'sluta att ringa', 'ring inte', 'ringa inte', 'ta bort mitt nummer', 'ta bort mig från', 'stryk mig'],
    ...['vill inte bli uppringd', 'vill inte bli kontaktad', 'vill inte ha fler samtal', 'vill inte ha några samtal', 'inga fler samtal'],
  ],
};
