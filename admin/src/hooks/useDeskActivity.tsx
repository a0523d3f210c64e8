import { useFetchClient } from '@strapi/strapi/admin';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';

import type { MessageView, QueueCardView, QueueSnapshot, QueueSnapshotMeta } from '../types';
import { getTranslation } from '../utils/getTranslation';

import { useAgentSocket } from './useAgentSocket';

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

/** A short two-tone chime made with Web Audio, so the plugin ships no sound file. */
function playChime(): void {
  const AudioContextClass = window.AudioContext;
  if (!AudioContextClass) return;
  const audio = new AudioContextClass();
  const gain = audio.createGain();
  gain.connect(audio.destination);
  gain.gain.setValueAtTime(0.0001, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.5);
  [880, 1320].forEach((frequency, index) => {
    const oscillator = audio.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start(audio.currentTime + index * 0.15);
    oscillator.stop(audio.currentTime + 0.5);
  });
  window.setTimeout(() => void audio.close(), 800);
}

/**
 * What the desk tells an agent wherever they are in it: the waiting count (tab title, side
 * navigation), a browser notification and an optional chime when a conversation starts
 * waiting or a customer writes in a chat the agent is not looking at, and the unread offline
 * messages.
 */
export const DeskActivityProvider = ({ children }: { children: ReactNode }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const socket = useAgentSocket();
  const [waitingCount, setWaitingCount] = useState<number | null>(null);
  const [pendingOfflineCount, setPendingOfflineCount] = useState<number | null>(null);
  const [soundEnabled, setSoundState] = useState(() => window.localStorage.getItem(SOUND_KEY) === 'on');
  const [notificationPermission, setNotificationPermission] = useState(currentPermission);
  // Waiting conversations already announced; a card moving within the queue is not news.
  const knownWaiting = useRef<Set<number> | null>(null);
  const soundRef = useRef(soundEnabled);
  soundRef.current = soundEnabled;

  const refresh = useCallback(() => {
    get<{ data: QueueSnapshot; meta: QueueSnapshotMeta }>('/live-support/queue?pageSize=100')
      .then(({ data }) => {
        setWaitingCount(data.meta.counts.waiting);
        const known = knownWaiting.current ?? new Set<number>();
        data.data.waiting.forEach((card) => known.add(card.id));
        knownWaiting.current = known;
      })
      .catch(() => undefined);
  }, [get]);

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

  useEffect(() => {
    refresh();
    if (!socket) return undefined;
    let timer: number | undefined;
    const onQueueChanged = ({ conversation }: { conversation: QueueCardView }) => {
      const known = knownWaiting.current;
      if (conversation.status === 'queued') {
        if (known && !known.has(conversation.id)) announce(conversation);
        known?.add(conversation.id);
      } else {
        known?.delete(conversation.id);
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 200);
    };
    const onReminder = (reminder: { conversationId: number; customerName: string | null; waitingSince: string }) => {
      const minutes = Math.max(1, Math.round((Date.now() - Date.parse(reminder.waitingSince)) / 60_000));
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
    };
    const onPending = ({ count }: { count: number }) => setPendingOfflineCount(count);
    socket.on('queue:changed', onQueueChanged);
    socket.on('message:new', announceMessage);
    socket.on('conversation:reminder', onReminder);
    socket.on('connect', refresh);
    socket.on('offline-messages:pending', onPending);
    return () => {
      window.clearTimeout(timer);
      socket.off('queue:changed', onQueueChanged);
      socket.off('message:new', announceMessage);
      socket.off('conversation:reminder', onReminder);
      socket.off('connect', refresh);
      socket.off('offline-messages:pending', onPending);
    };
  }, [alert, announce, announceMessage, formatMessage, refresh, socket]);

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
