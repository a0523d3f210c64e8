/**
 * Where a person phrase of the lists is read as asking for nobody: declined in the next clause,
 * cut off by a conjunction read with its diacritics, or (English) qualifying the next word. The
 * rules alone here: the classifier is tested in intent.test.ts. Messages written for this test.
 */
import { detectCustomerEscalation } from "../detect";
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from "../rules";

const RULES_ONLY: EscalationSettings = {
  ...DEFAULT_ESCALATION_SETTINGS,
  intent: { enabled: false, threshold: 1 },
};
const input = (
  text: string,
  language: string,
  settings: EscalationSettings = DEFAULT_ESCALATION_SETTINGS,
) => ({
  text,
  language,
  previousCustomerMessages: [],
  settings,
});
const rulesDecide = (text: string, language: string) =>
  detectCustomerEscalation(input(text, language, RULES_ONLY));

describe("a person offered and declined in the next clause is not a request", () => {
  it.each([
    ["fi", "Puhua ihmisen kanssa? Ei kiitos, löysin jo vastauksen."],
    ["en", "Talk to a human? Nah, I'm good, just the address please."],
    ["sv", "Prata med en människa? Nej tack, jag hittade svaret."],
  ])("[%s] %p: neither a phrase nor the classifier fires", (language, text) => {
    expect(detectCustomerEscalation(input(text, language))).toEqual({
      escalate: false,
    });
  });

  it("still fires when the decline comes first or the request follows it", () => {
    expect(
      detectCustomerEscalation(
        input(
          "No thanks, more links will not help. I want to talk to a human.",
          "en",
        ),
      ),
    ).toMatchObject({ trigger: "phrase" });
    expect(
      detectCustomerEscalation(
        input(
          "Ei kiitos automaattisia vastauksia. Haluan puhua ihmisen kanssa.",
          "fi",
        ),
      ),
    ).toMatchObject({ trigger: "phrase" });
  });
});

describe("a conjunction is read with its diacritics", () => {
  it('reads the Swedish "sa" (said) as a verb, not as "så" (so) ending the clause', () => {
    expect(
      detectCustomerEscalation(
        input("Min handläggare sa att beslutet kommer snart", "sv", RULES_ONLY),
      ),
    ).toEqual({ escalate: false });
    expect(
      detectCustomerEscalation(
        input(
          "Jag vill ha en handläggare så fort som möjligt",
          "sv",
          RULES_ONLY,
        ),
      ),
    ).toMatchObject({ trigger: "phrase" });
  });
});

describe("an English person phrase that qualifies the next word", () => {
  it.each([
    "Is there a person limit on the group tickets?",
    "Is there a human element to the credit check?",
    "The human agent yesterday was fantastic, thank you!",
    "Best service ever, a real person answered within a minute.",
  ])("%p: no phrase fires", (text) => {
    expect(rulesDecide(text, "en")).toEqual({ escalate: false });
  });

  it.each([
    "Is there a person I can call about my pension?",
    "Is there anyone available to look at my account?",
    "Please get a real person to check my bill",
    "I want to talk to a human being",
    "Is there someone else who could help?",
    "Can I speak to a person, the bot keeps looping",
    "Transfer me to a live agent",
  ])("%p: the phrase still fires", (text) => {
    expect(rulesDecide(text, "en")).toMatchObject({
      escalate: true,
      trigger: "phrase",
    });
  });
});

describe("the person words added to the default lists", () => {
  it.each([
    ["fi", "Henkilö kiitos"],
    ["fi", "haluan neuvojan"],
    ["en", "staff please"],
    ["en", "I need an adviser"],
    ["sv", "en rådgivare tack"],
    ["sv", "jag vill ha en medarbetare"],
  ])("[%s] %p is a plain request", (language, text) => {
    expect(rulesDecide(text, language)).toMatchObject({
      escalate: true,
      trigger: "phrase",
    });
  });

  it.each([
    ["fi", "Paljonko lippu maksaa per henkilö?"],
    ["en", "Do your staff get a discount too?"],
    ["sv", "Min rådgivare sa att räntan sjunker."],
  ])("[%s] %p is not", (language, text) => {
    expect(rulesDecide(text, language)).toEqual({ escalate: false });
  });
});

describe("a question whether a person is needed asks for nobody", () => {
  it.each([
    ["fi", "Pitääkö minun puhua ihmisen kanssa, jos haluan perua tilauksen?"],
    ["en", "Do I need to talk to a person to cancel, or can I do it online?"],
    ["sv", "Måste jag prata med en person för att säga upp avtalet?"],
  ])("[%s] %p: neither a phrase nor the classifier fires", (language, text) => {
    expect(detectCustomerEscalation(input(text, language))).toEqual({ escalate: false });
  });

  it("a Swedish cue counts only where it opens a clause: with the verb second it is a statement", () => {
    expect(rulesDecide("Nu behöver jag prata med en människa", "sv")).toMatchObject({ escalate: true, trigger: "phrase" });
  });
});

describe("a contact reported in the perfect tense asks for nobody", () => {
  it.each([
    ["fi", "Olen jo puhunut ihmisen kanssa tästä, asia on hoidossa."],
    ["en", "I have spoken to a human already, it is sorted."],
    ["sv", "Jag har redan pratat med en människa i telefon, allt är klart."],
  ])("[%s] %p: no phrase fires", (language, text) => {
    expect(rulesDecide(text, language)).toEqual({ escalate: false });
  });
});

describe("keywords in a language other than the conversation's match by spelling", () => {
  it("'compliment' is not the Finnish-stemmed 'complain'", () => {
    expect(rulesDecide("I would like to pass a compliment to the delivery driver.", "en")).toEqual({ escalate: false });
  });

  it("the conversation's own language still matches inflections by stem", () => {
    expect(rulesDecide("I have two complaints about the order", "en")).toMatchObject({ escalate: true, trigger: "keyword" });
  });
});
