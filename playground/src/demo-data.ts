export type DemoLanguage = 'fi' | 'en' | 'sv';

export interface DemoFaqText {
  question: string;
  answer: string;
}

/**
 * The playground's demo knowledge base: what a small web shop would answer, each question in
 * Finnish, English and Swedish (one FAQ document with a version per locale).
 */
export const DEMO_FAQS: ReadonlyArray<Record<DemoLanguage, DemoFaqText>> = [
  {
    fi: {
      question: 'Mitkä ovat toimitusajat?',
      answer: 'Toimitamme tilaukset 1–3 arkipäivässä. Pakettiautomaattiin toimitus on yleensä perillä seuraavana arkipäivänä.',
    },
    en: {
      question: 'How long does delivery take?',
      answer: 'We ship orders within 1–3 business days. Parcel locker deliveries usually arrive the next business day.',
    },
    sv: {
      question: 'Hur lång är leveranstiden?',
      answer: 'Vi skickar beställningar inom 1–3 vardagar. Leveranser till paketautomat kommer oftast fram nästa vardag.',
    },
  },
  {
    fi: {
      question: 'Miten voin palauttaa tuotteen?',
      answer: 'Voit palauttaa tuotteen 30 päivän kuluessa. Tulosta palautuslappu tililtäsi ja vie paketti lähimpään pakettipisteeseen.',
    },
    en: {
      question: 'How do I return a product?',
      answer: 'You can return a product within 30 days. Print a return label from your account and take the parcel to the nearest pick-up point.',
    },
    sv: {
      question: 'Hur returnerar jag en produkt?',
      answer: 'Du kan returnera en produkt inom 30 dagar. Skriv ut en returetikett från ditt konto och lämna paketet på närmaste utlämningsställe.',
    },
  },
  {
    fi: {
      question: 'Mitä maksutapoja hyväksytte?',
      answer: 'Hyväksymme verkkopankkimaksut, MobilePayn, kortit (Visa, Mastercard) sekä laskun ja osamaksun.',
    },
    en: {
      question: 'Which payment methods do you accept?',
      answer: 'We accept online bank payments, MobilePay, cards (Visa, Mastercard), invoice and instalments.',
    },
    sv: {
      question: 'Vilka betalningssätt tar ni emot?',
      answer: 'Vi tar emot nätbanksbetalningar, MobilePay, kort (Visa, Mastercard), faktura och delbetalning.',
    },
  },
  {
    fi: {
      question: 'Miten seuraan tilaustani?',
      answer: 'Saat seurantakoodin sähköpostiisi, kun tilaus lähtee varastolta. Näet tilauksen tilan myös omalta tililtäsi.',
    },
    en: {
      question: 'How can I track my order?',
      answer: 'You receive a tracking code by email when the order leaves the warehouse. The order status is also shown in your account.',
    },
    sv: {
      question: 'Hur kan jag spåra min beställning?',
      answer: 'Du får en spårningskod per e-post när beställningen lämnar lagret. Beställningens status syns också på ditt konto.',
    },
  },
  {
    fi: {
      question: 'Voinko muuttaa tai perua tilauksen?',
      answer: 'Voit muuttaa tai perua tilauksen niin kauan kuin se ei ole vielä lähtenyt varastolta. Ota yhteyttä asiakaspalveluun.',
    },
    en: {
      question: 'Can I change or cancel my order?',
      answer: 'You can change or cancel an order until it leaves the warehouse. Contact customer service to do so.',
    },
    sv: {
      question: 'Kan jag ändra eller avbeställa min beställning?',
      answer: 'Du kan ändra eller avbeställa en beställning tills den lämnar lagret. Kontakta kundtjänst för att göra det.',
    },
  },
  {
    fi: {
      question: 'Kuinka pitkä takuu tuotteilla on?',
      answer: 'Tuotteilla on valmistajan takuu, yleensä 12–24 kuukautta. Takuuehdot löytyvät tuotesivulta.',
    },
    en: {
      question: 'How long is the warranty?',
      answer: "Products carry the manufacturer's warranty, usually 12–24 months. The terms are on each product page.",
    },
    sv: {
      question: 'Hur lång är garantin?',
      answer: 'Produkterna har tillverkarens garanti, oftast 12–24 månader. Villkoren finns på varje produktsida.',
    },
  },
];

/** The locales the demo FAQ is written in, created when the site has none of the language. */
export const DEMO_LOCALES: Readonly<Record<DemoLanguage, { code: string; name: string }>> = {
  en: { code: 'en', name: 'English (en)' },
  fi: { code: 'fi-FI', name: 'Finnish (Finland) (fi-FI)' },
  sv: { code: 'sv-SE', name: 'Swedish (Sweden) (sv-SE)' },
};
