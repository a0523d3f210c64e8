/**
 * widget-app.js: the chat panel. The loader (widget.js) loads it with a <script> tag and calls
 * `mount` with its shadow root and context; everything renders inside that shadow root.
 *
 * The whole panel renders again on every change (there are few elements), so no component has
 * state or hooks: that keeps preact/hooks out of the 25 KB budget. What the controls hold lives
 * in `ui`; focus and scrolling are set after each render.
 */
import { render } from 'preact';

import type { WidgetApp } from '../contract';
import { appTexts } from '../i18n';
import panelCss from '../styles/panel.css';
import { createChat } from './chat';
import type { Chat } from './chat-state';
import { withOwnerTexts } from './owner-texts';
import { Panel } from './Panel';
import { unlockAudio } from './sound';
import type { UiState } from './view';

/** How often the queue's countdown is re-rendered (it shows whole minutes). */
const WAIT_TICK_MS = 5000;

const blankUi = (identity: { name?: string; email?: string; phone?: string }): UiState => ({
  draft: '',
  score: 0,
  comment: '',
  name: identity.name || '',
  email: identity.email || '',
  phone: identity.phone || '',
  message: '',
  problem: '',
  sending: false,
});

const app: WidgetApp = {
  mount(root, context) {
    context.addStyles(panelCss);
    const container = document.createElement('div');
    root.appendChild(container);
    let ui = blankUi(context.state().identity);
    let wasOpen = false;
    let shown = 0;
    // Assigned below: createChat may already report a change while it starts.
    let chat: Chat | undefined;

    function update() {
      if (!chat) return;
      const { open, locale } = context.state();
      const focused = root.activeElement;
      // Offered to leave a message after a long wait: the form keeps what the customer wrote.
      if (chat.state.conversation?.leaveMessageOffered && !ui.prefilled) {
        const written = chat.timeline.entries().filter((entry) => entry.author === 'customer').map((entry) => entry.text);
        ui = { ...ui, prefilled: true, message: [...written, ui.draft].filter(Boolean).join('\n') };
      }
      render(
        <Panel
          chat={chat}
          context={context}
          t={withOwnerTexts(appTexts[locale], chat.config().texts[locale])}
          ui={ui}
          set={(patch) => {
            ui = { ...ui, ...patch };
            update();
          }}
          restart={() => {
            ui = blankUi(context.state().identity);
            chat?.newConversation();
          }}
        />,
        container,
      );
      const find = (selector: string) => root.querySelector<HTMLElement>(selector);
      const input = find('[data-testid=input]');
      const log = find('.log');
      const count = chat.timeline.entries().length;
      if (log && (count !== shown || (open && !wasOpen))) log.scrollTop = log.scrollHeight;
      shown = count;
      // Into the panel on open, and back into it when the focused control went away (the text box
      // of a conversation that ended, a retry button that did its job): the text box, else the
      // first control of the current step.
      if (open && (!wasOpen || (focused && !focused.isConnected))) (input || find('.actions :is(input, button)') || find('.panel'))?.focus();
      wasOpen = open;
    }

    const created = (chat = createChat(context, update));
    // Sound needs an interaction first (autoplay rules): take the visitor's first one.
    const unlock = () => created.config().sound && unlockAudio();
    root.addEventListener('pointerdown', unlock);
    root.addEventListener('keydown', unlock);
    update();
    // The estimated wait counts down between the server's pushes: render again while queued.
    setInterval(() => created.phase() === 'queued' && update(), WAIT_TICK_MS);
  },
};

window.__liveSupportApp = app;

// An ES module (esbuild wraps a file without exports as CommonJS, and everything it imports in init functions).
export {};
