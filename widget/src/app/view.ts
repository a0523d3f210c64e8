import type { WidgetContext } from '../contract';
import type { AppTexts } from '../i18n';
import type { Chat } from './chat-state';

/** What the panel's own controls hold between renders (there are no component hooks). */
export interface UiState {
  draft: string;
  score: number;
  comment: string;
  name: string;
  email: string;
  phone: string;
  message: string;
  /** The offline form's problem, shown under it. */
  problem: string;
  sending: boolean;
  /** The offline form offered after a long wait was filled with what the customer wrote. */
  prefilled?: boolean;
}

export interface View {
  chat: Chat;
  context: WidgetContext;
  t: AppTexts;
  ui: UiState;
  /** Changes the UI state and renders again. */
  set(patch: Partial<UiState>): void;
  /** "Start a new conversation". */
  restart(): void;
}
