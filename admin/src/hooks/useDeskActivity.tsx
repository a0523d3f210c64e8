import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';

import { useLiveQueue } from '../api/liveHooks';
import { usePendingOfflineCountQuery } from '../api/liveSupportApi';
import { minutesSince, serverNow } from '../api/serverClock';
import type { MessageView, QueueCardView } from '../types';
import { playChime } from '../utils/chime';
import { getTranslation } from '../utils/getTranslation';

import { useAgentPushes } from './useAgentSocket';

const SOUND_KEY = 'live-support:desk-sound';

export type NotificationPermissionState = NotificationPermission | 'unsupported';

interface DeskActivity {
  /** Conversations waiting for an agent, kept live; null until first loaded. */
  waitingCount: number | null;
  /** Offline messages nobody has read yet, as the server pushes it (on connect and on every change). */
  pendingOfflineCount: number | null;
  soundEnabled: boolean;
  setSoundEnabled(enabled: boolean): void;
  notificationPermission: NotificationPermissionState;
  requestNotificationPermission(): void;
}

const DeskActivityContext = createContext<DeskActivity | null>(null);

const currentPermission = (): NotificationPermissionState =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/**
 * What the desk tells an agent wherever they are in it: the waiting count (tab title, side
 * navigation), a browser notification and an optional chime when a conversation starts
 * waiting or a customer writes in a chat the agent is not looking at, and the unread offline
 * messages.
 */
export const DeskActivityProvider = ({ children }: { children: ReactNode }) => {
  const { formatMessage } = useIntl();
  // The same cached snapshot the queue page shows: one request serves both.
  const { current: queue } = useLiveQueue();
  const { data: pendingOfflineCount = null } = usePendingOfflineCountQuery(undefined);
  const waitingCount = queue ? queue.meta.counts.waiting : null;
  const clockOffset = queue?.clockOffsetMs ?? 0;
  const [soundEnabled, setSoundState] = useState(() => window.localStorage.getItem(SOUND_KEY) === 'on');
  const [notificationPermission, setNotificationPermission] = useState(currentPermission);
  // Waiting conversations already announced; a card moving within the queue is not news.
  const knownWaiting = useRef<Set<number> | null>(null);
  const soundRef = useRef(soundEnabled);
  soundRef.current = soundEnabled;

  useEffect(() => {
    if (!queue) return;
    const known = knownWaiting.current ?? new Set<number>();
    queue.data.waiting.forEach((card) => known.add(card.id));
    knownWaiting.current = known;
  }, [queue]);

  const alert = useCallback((title: string, body: string, tag: string) => {
    if (soundRef.current) {
      try {
        playChime();
      } catch {
        // Browsers may refuse audio before the first click on the page; the title still counts.
      }
    }
    if (currentPermission() !== 'granted') return;
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  }, []);

  const announce = useCallback(
    (card: QueueCardView) => {
      const who =
        card.customerName ??
        formatMessage({ id: getTranslation('desk.card.anonymous'), defaultMessage: 'Anonymous customer' });
      alert(
        formatMessage({ id: getTranslation('desk.notification.title'), defaultMessage: 'A customer is waiting' }),
        card.escalationReason ? `${who}: ${card.escalationReason}` : who,
        `live-support-${card.id}`,
      );
    },
    [alert, formatMessage],
  );

  // A customer writing in one of my chats while I look elsewhere (another page or tab).
  const announceMessage = useCallback(
    (message: MessageView) => {
      const watching = window.location.pathname.endsWith(`/conversations/${message.conversationId}`);
      if (message.author !== 'customer' || (watching && !document.hidden)) return;
      alert(
        formatMessage({ id: getTranslation('desk.notification.message'), defaultMessage: 'New message from a customer' }),
        message.text.length > 140 ? `${message.text.slice(0, 139)}…` : message.text,
        `live-support-message-${message.conversationId}`,
      );
    },
    [alert, formatMessage],
  );

  useAgentPushes({
    'queue:changed': ({ conversation }) => {
      const known = knownWaiting.current;
      if (conversation.status === 'queued') {
        if (known && !known.has(conversation.id)) announce(conversation);
        known?.add(conversation.id);
      } else {
        known?.delete(conversation.id);
      }
    },
    'message:new': announceMessage,
    'conversation:reminder': (reminder) => {
      const minutes = minutesSince(reminder.waitingSince, serverNow(clockOffset));
      alert(
        formatMessage({ id: getTranslation('desk.notification.reminder'), defaultMessage: 'A customer is waiting for your answer' }),
        formatMessage(
          { id: getTranslation('desk.notification.reminderBody'), defaultMessage: '{name}: no answer for {minutes} min' },
          {
            name:
              reminder.customerName ??
              formatMessage({ id: getTranslation('desk.card.anonymous'), defaultMessage: 'Anonymous customer' }),
            minutes,
          },
        ),
        `live-support-reminder-${reminder.conversationId}`,
      );
    },
  });

  const value = useMemo<DeskActivity>(
    () => ({
      waitingCount,
      pendingOfflineCount,
      soundEnabled,
      setSoundEnabled: (enabled) => {
        window.localStorage.setItem(SOUND_KEY, enabled ? 'on' : 'off');
        setSoundState(enabled);
      },
      notificationPermission,
      requestNotificationPermission: () => {
        if (typeof Notification === 'undefined') return;
        void Notification.requestPermission().then(setNotificationPermission);
      },
    }),
    [notificationPermission, pendingOfflineCount, soundEnabled, waitingCount],
  );

  return <DeskActivityContext.Provider value={value}>{children}</DeskActivityContext.Provider>;
};

export function useDeskActivity(): DeskActivity {
  const activity = useContext(DeskActivityContext);
  if (!activity) throw new Error('useDeskActivity needs a DeskActivityProvider');
  return activity;
}
