import { h } from 'preact';

import type { OfflineInput } from './chat-state';
import type { View } from './view';

/**
 * Shown when no agent was available: a message and a way to answer it. The server checks the
 * fields (a message, and an email address or a phone number); what it refuses is explained here.
 */
export function OfflineForm({ chat, t, ui, set }: View) {
  const field = (name: 'name' | 'email' | 'phone' | 'message', type: string) => (
    <label>
      {t[name === 'message' ? 'placeholder' : name]}
      {h(type ? 'input' : 'textarea', {
        'data-testid': 'offline-' + name,
        type,
        autoComplete: type === 'tel' ? type : name,
        maxLength: 4000,
        value: ui[name],
        onInput: (event: Event) => set({ [name]: (event.currentTarget as HTMLInputElement).value }),
      })}
    </label>
  );

  return (
    <form
      class="form"
      data-testid="offline-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (ui.sending) return;
        const input = {} as OfflineInput;
        for (const name of ['name', 'email', 'phone', 'message'] as const) if (ui[name].trim()) input[name] = ui[name].trim();
        set({ sending: true, problem: '' });
        const result = await chat.leaveOfflineMessage(input);
        set({ sending: false, problem: result === 'sent' ? '' : result === 'invalid' ? t.offlineInvalid : t.error });
      }}
    >
      <p>{t.offline_form_intro}</p>
      {field('name', 'text')}
      {field('email', 'email')}
      {field('phone', 'tel')}
      {field('message', '')}
      {ui.problem && (
        <p class="error" role="alert" data-testid="offline-error">
          {ui.problem}
        </p>
      )}
      <button class="button" data-testid="offline-submit" disabled={ui.sending}>
        {t.send}
      </button>
    </form>
  );
}
