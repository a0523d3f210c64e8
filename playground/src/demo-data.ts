/** The playground's demo knowledge base: what a small web shop would answer. */
export const DEMO_FAQS: ReadonlyArray<{ question: string; answer: string; language: 'fi' | 'en' }> = [
  {
    language: 'fi',
    question: 'Mitkä ovat toimitusajat?',
    answer: 'Toimitamme tilaukset 1–3 arkipäivässä. Pakettiautomaattiin toimitus on yleensä perillä seuraavana arkipäivänä.',
  },
  {
    language: 'fi',
    question: 'Miten voin palauttaa tuotteen?',
    answer: 'Voit palauttaa tuotteen 30 päivän kuluessa. Tulosta palautuslappu tililtäsi ja vie paketti lähimpään pakettipisteeseen.',
  },
  {
    language: 'fi',
    question: 'Mitä maksutapoja hyväksytte?',
    answer: 'Hyväksymme verkkopankkimaksut, MobilePayn, kortit (Visa, Mastercard) sekä laskun ja osamaksun.',
  },
  {
    language: 'fi',
    question: 'Miten seuraan tilaustani?',
    answer: 'Saat seurantakoodin sähköpostiisi, kun tilaus lähtee varastolta. Näet tilauksen tilan myös omalta tililtäsi.',
  },
  {
    language: 'fi',
    question: 'Voinko muuttaa tai perua tilauksen?',
    answer: 'Voit muuttaa tai perua tilauksen niin kauan kuin se ei ole vielä lähtenyt varastolta. Ota yhteyttä asiakaspalveluun.',
  },
  {
    language: 'fi',
    question: 'Kuinka pitkä takuu tuotteilla on?',
    answer: 'Tuotteilla on valmistajan takuu, yleensä 12–24 kuukautta. Takuuehdot löytyvät tuotesivulta.',
  },
  {
    language: 'en',
    question: 'How long does delivery take?',
    answer: 'We ship orders within 1–3 business days. Parcel locker deliveries usually arrive the next business day.',
  },
  {
    language: 'en',
    question: 'How do I return a product?',
    answer: 'You can return a product within 30 days. Print a return label from your account and take the parcel to the nearest pick-up point.',
  },
  {
    language: 'en',
    question: 'Which payment methods do you accept?',
    answer: 'We accept online bank payments, MobilePay, cards (Visa, Mastercard), invoice and instalments.',
  },
  {
    language: 'en',
    question: 'How can I track my order?',
    answer: 'You receive a tracking code by email when the order leaves the warehouse. The order status is also shown in your account.',
  },
  {
    language: 'en',
    question: 'Can I change or cancel my order?',
    answer: 'You can change or cancel an order until it leaves the warehouse. Contact customer service to do so.',
  },
  {
    language: 'en',
    question: 'How long is the warranty?',
    answer: "Products carry the manufacturer's warranty, usually 12–24 months. The terms are on each product page.",
  },
];
