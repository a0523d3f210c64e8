import { WRITABLE } from './chat';
import { MessageList } from './MessageList';
import { OfflineForm } from './OfflineForm';
import { RatingForm } from './RatingForm';
import { minutesLeft, openingText } from './time-texts';
import type { View } from './view';

/** The chat dialog: header, messages, what the conversation's state asks for, and the text box. */
export function Panel(view: View) {
  const { chat, context, t, ui, set, restart } = view;
  const { open, locale } = context.state();
  const { availability, escalationButton, showEstimatedWait } = chat.config();
  const phase = chat.phase();
  const { conversation, estimatedAt, busy, typing, error, connection, rated, offlineSent } = chat.state;

  const button = (testId: string, label: string, onClick: () => void) => (
    <button type="button" class="button secondary" data-testid={testId} disabled={busy} onClick={onClick}>
      {label}
    </button>
  );
  const notice = (testId: string, text: string) => (
    <p role="status" data-testid={testId}>
      {text}
    </p>
  );
  const send = () => {
    if (ui.draft.trim()) {
      chat.send(ui.draft);
      set({ draft: '' });
    }
  };

  return (
    <div
      class="panel"
      id="ls-panel"
      role="dialog"
      aria-labelledby="ls-title"
      data-testid="panel"
      data-status={phase}
      tabIndex={-1}
      hidden={!open}
    >
      <div class="header">
        <div>
          <h2 id="ls-title">{t.title}</h2>
          {phase === 'active' && conversation && conversation.agentName && (
            <p>
              <span class="sr">{t.agent}: </span>
              <span data-testid="agent-name">{conversation.agentName}</span>
            </p>
          )}
        </div>
        <button type="button" class="icon" aria-label={t.minimize} data-testid="minimize" onClick={() => context.setOpen(false)}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M5 11h14v2H5z" />
          </svg>
        </button>
      </div>

      {connection === 'lost' && (
        <p class="banner" role="status" data-testid="connection">
          {t.reconnecting}
        </p>
      )}
      {!availability.open && /new|bot/.test(phase) && (
        <p class="banner" data-testid="availability">
          {t.closed(openingText(availability.nextOpeningAt, locale, availability.timeZone))}
        </p>
      )}

      <MessageList {...view} />

      {typing !== false && (
        <p class="typing" data-testid="typing">
          {t.typing(typing)}
        </p>
      )}

      <div class="actions">
        {/new|bot/.test(phase) && escalationButton && button('escalate', t.escalate, chat.escalate)}
        {phase === 'queued' &&
          conversation && [
            notice('queue-status', t.queue(conversation.position, showEstimatedWait ? minutesLeft(conversation.estimatedWaitSeconds, estimatedAt, Date.now()) : null)),
            button('leave', t.leaveQueue, chat.leaveQueue),
            conversation.leaveMessageOffered && [notice('long-wait', t.longWait), <OfflineForm {...view} />],
          ]}
        {phase === 'resolved' && (rated || (conversation && conversation.csatScore) ? notice('rating-thanks', t.rating_thanks) : <RatingForm {...view} />)}
        {phase === 'offline' && (offlineSent ? notice('offline-sent', t.offline_sent) : <OfflineForm {...view} />)}
        {phase === 'abandoned' && notice('abandoned', t.left_queue)}
        {phase === 'ended' && notice('ended', t.ended)}
        {/resolved|offline|abandoned|ended/.test(phase) && button('new-conversation', t.newConversation, restart)}
      </div>

      {error && (
        <p class="banner error" role="alert" data-testid="error">
          {error === 'tooManyQueued' ? t.tooManyQueued : t.error}
        </p>
      )}

      {WRITABLE.includes(phase) && (
        <form
          class="composer"
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
        >
          <textarea
            data-testid="input"
            aria-label={t.placeholder}
            placeholder={t.placeholder}
            rows={1}
            maxLength={2000}
            value={ui.draft}
            onInput={(event) => {
              set({ draft: event.currentTarget.value });
              chat.typing();
            }}
            onKeyDown={(event) => {
              // Enter sends; Shift+Enter starts a new line.
              if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                send();
              }
            }}
          />
          <button class="icon send" data-testid="send" aria-label={t.send} disabled={!ui.draft.trim()}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M3 20.5 21 12 3 3.5v6.6l12 1.9-12 1.9z" />
            </svg>
          </button>
        </form>
      )}
    </div>
  );
}
