import type { TimelineEntry } from './timeline';
import type { View } from './view';

/**
 * The conversation as a live region (`role="log"`): new messages are read out politely. Every
 * text is rendered as a text node, never as HTML. Each message starts with its author for screen
 * readers; the visible name is shown above the first of a run of agent or bot messages.
 */
export function MessageList({ chat, t }: View) {
  const entries = chat.timeline.entries();
  return (
    <div class="log" role="log" aria-live="polite" tabIndex={0} data-testid="message-list">
      <p class="bubble" data-testid="welcome">
        {t.welcome}
      </p>
      {entries.map(({ clientId, seq, author, agentName, text, state }, index) => {
        const name = author === 'agent' ? agentName || t.agent : t[author === 'customer' ? 'you' : author];
        const previous: Partial<TimelineEntry> = entries[index - 1] || {};
        return (
          <div key={clientId} class={'message ' + author} data-testid="message" data-author={author} data-seq={seq} data-state={state}>
            {/agent|bot/.test(author) && (previous.author !== author || previous.agentName !== agentName) && (
              <span class="meta" aria-hidden="true">
                {name}
              </span>
            )}
            <p class="bubble">
              <span class="sr">{name}: </span>
              {text}
            </p>
            {state === 'failed' && (
              <button type="button" class="link" data-testid="retry" onClick={() => chat.retry(clientId)}>
                {t.retry}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
