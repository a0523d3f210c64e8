import { DEFAULT_TEMPLATES, listPlaceholders, renderTemplate, templatesForConversation } from '../templates';

describe('renderTemplate', () => {
  it('fills the agent name into the Finnish greeting', () => {
    const greeting = DEFAULT_TEMPLATES.find((template) => template.category === 'greeting' && template.language === 'fi')!;
    expect(renderTemplate(greeting.body, { agentName: 'Aino' })).toBe('Hei! Olen asiakaspalvelija Aino. Miten voin auttaa?');
  });

  it('leaves unknown or empty placeholders visible instead of dropping them', () => {
    expect(renderTemplate('Hi {customerName}, I am {agentName}', { agentName: '' })).toBe(
      'Hi {customerName}, I am {agentName}',
    );
  });

  it('does not treat the filled-in value as a template again', () => {
    expect(renderTemplate('{a}', { a: '{b}', b: 'x' })).toBe('{b}');
  });

  it('lists placeholders once each, in order', () => {
    expect(listPlaceholders('{agentName} and {customerName} and {agentName}')).toEqual(['agentName', 'customerName']);
  });
});

describe('DEFAULT_TEMPLATES', () => {
  it('has greeting, transfer and closing in Finnish, English and Swedish', () => {
    const keys = DEFAULT_TEMPLATES.map((template) => `${template.language}:${template.category}`).sort();
    expect(keys).toEqual([
      'en:closing',
      'en:greeting',
      'en:transfer',
      'fi:closing',
      'fi:greeting',
      'fi:transfer',
      'sv:closing',
      'sv:greeting',
      'sv:transfer',
    ]);
  });

  it('gives every default a distinct shortcut', () => {
    const shortcuts = DEFAULT_TEMPLATES.map((template) => template.shortcut);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });
});

describe('templatesForConversation', () => {
  const stored = DEFAULT_TEMPLATES.map((template, index) => ({ ...template, id: index + 1 }));

  it('offers the conversation language first, in the order a chat goes', () => {
    const offered = templatesForConversation(stored, 'en', { agentName: 'Aino Agentti' });
    expect(offered.map((template) => `${template.language}:${template.category}`)).toEqual([
      'en:greeting',
      'en:transfer',
      'en:closing',
      'fi:greeting',
      'fi:transfer',
      'fi:closing',
      'sv:greeting',
      'sv:transfer',
      'sv:closing',
    ]);
    expect(offered[0].text).toBe("Hi! I'm customer service agent Aino Agentti. How can I help?");
    expect(offered[0].unfilled).toEqual([]);
    expect(offered[0].body).toContain('{agentName}');
  });

  it('says which placeholders it could not fill', () => {
    const custom = [{ id: 9, name: 'Order', category: 'other' as const, language: 'fi', body: 'Hei {customerName}, tilaus {orderId}.' }];
    const [offered] = templatesForConversation(custom, 'fi', { customerName: 'Maija' });
    expect(offered.text).toBe('Hei Maija, tilaus {orderId}.');
    expect(offered.unfilled).toEqual(['orderId']);
  });
});
