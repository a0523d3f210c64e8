/**
 * The types of what the panel sees of one conversation (chat.ts keeps it): the state it renders,
 * the phase it is in and the actions it may call.
 */
import type { ConversationStatus, VisitorConversationView } from '../shared';
import type { WidgetConfig } from '../config';
import type { Timeline } from './timeline';

/** `new`: no conversation yet; `loading`: a stored one, not read yet. */
export type Phase = 'new' | 'loading' | ConversationStatus;
export type OfflineInput = { name?: string; email?: string; phone?: string; message: string };
export type OfflineResult = 'sent' | 'invalid' | 'failed';

export interface ChatState {
  conversation: VisitorConversationView | null;
  /** When the conversation's estimated wait was last received (ms): the countdown starts there. */
  estimatedAt: number;
  /** `lost`: the socket was connected and is trying to come back. */
  connection: 'none' | 'online' | 'lost';
  /** Who is typing on the agent side: a name, null for an unnamed agent, false for nobody. */
  typing: string | null | false;
  /** An action failed: `tooManyQueued` when this address already has as many chats waiting as it may. */
  error: false | 'failed' | 'tooManyQueued';
  busy: boolean;
  rated: boolean;
  offlineSent: boolean;
}

export interface Chat {
  state: ChatState;
  timeline: Timeline;
  config(): WidgetConfig;
  phase(): Phase;
  send(text: string): void;
  /** Sends again with the same clientId: the server stores a message only once. */
  retry(clientId: string): void;
  escalate(): void;
  leaveQueue(): void;
  rate(score: number, comment: string): void;
  leaveOfflineMessage(input: OfflineInput): Promise<OfflineResult>;
  /** The customer typed: `typing true` at most every 2 s, `false` after 3 s without typing. */
  typing(): void;
  /** "Start a new conversation" after the last one ended. */
  newConversation(): void;
}
