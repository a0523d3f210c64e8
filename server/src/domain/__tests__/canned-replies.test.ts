import {
  filterReplies,
  formatOpening,
  mayChangeReply,
  orderReplies,
  renderReply,
  shortcutFromTitle,
  type CannedReply,
} from '../canned-replies';

describe('renderReply', () => {
  it('fills the customer, the agent and the next opening', () => {
    const text = 'Hei {customerName}! Olen {agentName}. Avaamme {nextOpening}.';
    expect(renderReply(text, { customerName: 'Maija', agentName: 'Aino', nextOpening: 'ma 7.12. klo 8.00' }, 'fi')).toBe(
      'Hei Maija! Olen Aino. Avaamme ma 7.12. klo 8.00.',
    );
  });

  it('drops a missing customer name with the space before it, so the sentence still reads', () => {
    expect(renderReply('Hi {customerName}, thanks for waiting.', {}, 'en')).toBe('Hi, thanks for waiting.');
    expect(renderReply('Hej {customerName}!', { customerName: '   ' }, 'sv')).toBe('Hej!');
  });

  it('says "an agent" for a missing agent name: dropping it would leave a sentence without its subject', () => {
    expect(renderReply('{agentName} here.', { agentName: null }, 'en')).toBe('An agent here.');
  });

  it('says "soon" in the reply language when the next opening is unknown', () => {
    expect(renderReply('Avaamme {nextOpening}.', { nextOpening: null }, 'fi')).toBe('Avaamme pian.');
    expect(renderReply('Vi öppnar {nextOpening}.', {}, 'sv')).toBe('Vi öppnar snart.');
    expect(renderReply('We open {nextOpening}.', {}, 'all')).toBe('We open soon.');
  });

  it('leaves other braces as written and does not fill a value twice', () => {
    expect(renderReply('Order {orderId} for {customerName}', { customerName: '{agentName}', agentName: 'x' }, 'en')).toBe(
      'Order {orderId} for {agentName}',
    );
  });
});

describe('formatOpening', () => {
  // Monday 7 December 2026, 08:00 in Helsinki (UTC+2).
  const monday8 = new Date('2026-12-07T06:00:00Z');

  it('names the weekday and the time in the team time zone, in the reply language', () => {
    expect(formatOpening(monday8, 'Europe/Helsinki', 'fi')).toMatch(/maanantai.*7\.12\..*08?\.00/);
    expect(formatOpening(monday8, 'Europe/Helsinki', 'en')).toMatch(/Monday.*7.*12.*08:00/);
    expect(formatOpening(monday8, 'Europe/Helsinki', 'sv')).toMatch(/måndag.*7\/12.*08:00/);
  });

  it('uses the team time zone, not the machine one', () => {
    expect(formatOpening(monday8, 'Europe/Stockholm', 'en')).toMatch(/07:00/);
  });
});

const reply = (id: number, shortcut: string, language: CannedReply['language'], title = shortcut) => ({ id, shortcut, language, title });

describe('orderReplies', () => {
  const replies = [
    reply(1, 'thanks', 'en'),
    reply(2, 'kiitos', 'fi'),
    reply(3, 'tack', 'sv'),
    reply(4, 'link', 'all'),
    reply(5, 'hei', 'fi'),
  ];

  it('puts the conversation language first, then replies for any language, then the others', () => {
    expect(orderReplies(replies, 'sv').map((r) => r.shortcut)).toEqual(['tack', 'link', 'hei', 'kiitos', 'thanks']);
    expect(orderReplies(replies, 'en').map((r) => r.shortcut)).toEqual(['thanks', 'link', 'hei', 'kiitos', 'tack']);
  });

  it('without a conversation, goes by the plugin languages in order', () => {
    expect(orderReplies(replies, null).map((r) => r.shortcut)).toEqual(['link', 'hei', 'kiitos', 'thanks', 'tack']);
  });
});

describe('filterReplies', () => {
  const replies = [reply(1, 'tervehdys', 'fi', 'Tervehdys'), reply(2, 'hei-taas', 'fi', 'Tervetuloa takaisin'), reply(3, 'lopetus', 'fi')];

  it('offers shortcuts starting with the letters first, then those containing them in shortcut or title', () => {
    expect(filterReplies(replies, 'ter').map((r) => r.id)).toEqual([1, 2]);
    expect(filterReplies(replies, 'TAAS').map((r) => r.id)).toEqual([2]);
    expect(filterReplies(replies, '').map((r) => r.id)).toEqual([1, 2, 3]);
    expect(filterReplies(replies, 'xyz')).toEqual([]);
  });
});

describe('shortcutFromTitle', () => {
  it('makes a slug for replies stored before shortcuts existed', () => {
    expect(shortcutFromTitle('Överföring')).toBe('overforing');
    expect(shortcutFromTitle('Order status, please!')).toBe('order-status-please');
    expect(shortcutFromTitle('!!!')).toBe('reply');
  });
});

describe('mayChangeReply', () => {
  const agent = { id: 7, canManageShared: false };
  const manager = { id: 8, canManageShared: true };

  it('lets owners change their personal replies and hides them from everyone else', () => {
    expect(mayChangeReply({ ownerId: 7 }, agent)).toBe('allowed');
    expect(mayChangeReply({ ownerId: 7 }, manager)).toBe('hidden');
  });

  it('lets only settings managers change shared replies', () => {
    expect(mayChangeReply({ ownerId: null }, agent)).toBe('forbidden');
    expect(mayChangeReply({ ownerId: null }, manager)).toBe('allowed');
  });
});
