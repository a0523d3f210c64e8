import { DEFAULT_TEMPLATES, listPlaceholders, renderTemplate } from '../templates';

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
  it('has greeting, transfer and closing in Finnish and English', () => {
    const keys = DEFAULT_TEMPLATES.map((template) => `${template.language}:${template.category}`).sort();
    expect(keys).toEqual(['en:closing', 'en:greeting', 'en:transfer', 'fi:closing', 'fi:greeting', 'fi:transfer']);
  });
});
