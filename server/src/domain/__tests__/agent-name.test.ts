import { isNamed, UNNAMED_AGENT, withoutAgentName } from '../agent-name';
import { renderReply } from '../canned-replies';
import { systemText } from '../customer-texts';
import { DEFAULT_TEMPLATES, templatesForConversation } from '../templates';

describe('an agent without a name', () => {
  it('is "an agent" in the system texts of each language, capitalised where the sentence starts with it', () => {
    expect(systemText('claimed', 'en')).toBe('An agent joined the conversation.');
    expect(systemText('transferred_to_agent', 'en')).toBe('The conversation was transferred to an agent.');
    expect(systemText('claimed', 'fi')).toBe('Asiakaspalvelija liittyi keskusteluun.');
    expect(systemText('claimed', 'sv')).toBe('En kundtjänstmedarbetare anslöt till konversationen.');
    expect(systemText('transferred_to_agent', 'sv')).toBe('Konversationen flyttades till en kundtjänstmedarbetare.');
  });

  it('leaves the word for an agent alone when the name only stood beside it', () => {
    expect(systemText('transferred_to_agent', 'fi')).toBe('Keskustelu siirrettiin asiakaspalvelijalle.');
    const greeting = DEFAULT_TEMPLATES.find((template) => template.language === 'fi' && template.category === 'greeting')!;
    expect(withoutAgentName(greeting.body, 'fi')).toBe('Hei! Olen asiakaspalvelija. Miten voin auttaa?');
  });

  it('counts an empty or blank name as none, and fills a real one as written', () => {
    for (const blank of ['', '   ']) expect(systemText('claimed', 'en', { agentName: blank })).toBe('An agent joined the conversation.');
    expect(systemText('claimed', 'en', { agentName: 'Aino' })).toBe('Aino joined the conversation.');
    expect([isNamed(null), isNamed(undefined), isNamed(' '), isNamed('Aino')]).toEqual([false, false, false, true]);
  });

  it('uses the owner’s wording too, and starts a sentence after any sentence end', () => {
    const overrides = { claimed: { en: 'Thanks for waiting! {agentName} is here now.' } };
    expect(systemText('claimed', 'en', {}, overrides)).toBe('Thanks for waiting! An agent is here now.');
    expect(withoutAgentName('Soon {agentName} answers. Really? {agentName} does.', 'en')).toBe('Soon an agent answers. Really? An agent does.');
  });

  it('speaks English in a language the plugin does not speak', () => {
    expect(withoutAgentName('{agentName} joined.', 'de')).toBe(`${UNNAMED_AGENT.en.charAt(0).toUpperCase()}${UNNAMED_AGENT.en.slice(1)} joined.`);
  });

  it('speaks the template’s language in a template offered to a conversation in another language', () => {
    const stored = [{ id: 1, name: 'Hello', category: 'greeting' as const, language: 'en', body: '{agentName} here, {customerName}.' }];
    const [offered] = templatesForConversation(stored, 'fi', { customerName: 'Maija' });
    expect(offered.text).toBe('An agent here, Maija.');
    expect(offered.unfilled).toEqual([]);
  });

  it('is "an agent" in a canned reply, in the reply’s language (English for replies in every language)', () => {
    expect(renderReply('{agentName} here.', { agentName: null }, 'en')).toBe('An agent here.');
    expect(renderReply('Hej {customerName}, {agentName} svarar snart.', {}, 'sv')).toBe('Hej, en kundtjänstmedarbetare svarar snart.');
    expect(renderReply('Thanks, {agentName} will call.', {}, 'all')).toBe('Thanks, an agent will call.');
  });
});
