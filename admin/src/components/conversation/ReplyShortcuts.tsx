import { Box, Typography } from '@strapi/design-system';
import { useId, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useIntl } from 'react-intl';

import { filterReplies, type CannedReplyView } from '../../shared';
import { getTranslation } from '../../utils/getTranslation';

/** `/` and the letters typed after it, at the caret, at the start of the text or after a space. */
const SHORTCUT_AT_CARET = /(^|\s)\/([a-z0-9-]*)$/i;

interface ShortcutToken {
  /** Where the `/` is in the draft. */
  start: number;
  end: number;
  typed: string;
}

function tokenAt(draft: string, caret: number): ShortcutToken | null {
  const match = SHORTCUT_AT_CARET.exec(draft.slice(0, caret));
  if (!match) return null;
  const start = match.index + match[1].length;
  return { start, end: caret, typed: match[2] };
}

/**
 * The `/` picker of the reply box: typing `/` and some letters lists the canned replies whose
 * shortcut matches, ↑/↓ move, Enter or Tab inserts the reply (its variables filled in), Esc
 * closes. The text box is the combobox, the list its listbox (the ARIA 1.2 pattern).
 */
export function useReplyShortcuts(replies: readonly CannedReplyView[], draft: string, onDraftChange: (draft: string) => void) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const token = tokenAt(draft, Math.min(caret, draft.length));
  const matches = useMemo(() => (token ? filterReplies(replies, token.typed) : []), [replies, token?.typed]);
  const open = token !== null && token.start !== dismissedAt && matches.length > 0;
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;

  const insert = (reply: CannedReplyView) => {
    if (!token) return;
    const next = `${draft.slice(0, token.start)}${reply.rendered}${draft.slice(token.end)}`;
    onDraftChange(next);
    setCaret(token.start + reply.rendered.length);
    setActive(0);
  };

  return {
    open,
    /** Follows the caret; call from the text box's change, key-up and click handlers. */
    trackCaret: (position: number | null) => {
      setCaret(position ?? 0);
      if (dismissedAt !== null && tokenAt(draft, position ?? 0)?.start !== dismissedAt) setDismissedAt(null);
    },
    /** The combobox attributes of the text box. */
    comboboxProps: {
      role: 'combobox',
      'aria-autocomplete': 'list' as const,
      'aria-expanded': open,
      'aria-controls': listId,
      'aria-activedescendant': open ? optionId(activeIndex) : undefined,
    },
    /** Handles the picker's keys while it is open; returns whether it took the key. */
    handleKey: (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
      if (!open || !token) return false;
      switch (event.key) {
        case 'ArrowDown':
          setActive((activeIndex + 1) % matches.length);
          break;
        case 'ArrowUp':
          setActive((activeIndex - 1 + matches.length) % matches.length);
          break;
        case 'Enter':
        case 'Tab':
          insert(matches[activeIndex]);
          break;
        case 'Escape':
          setDismissedAt(token.start);
          break;
        default:
          return false;
      }
      event.preventDefault();
      return true;
    },
    list: (
      <ReplyShortcutList id={listId} open={open} matches={matches} activeIndex={activeIndex} optionId={optionId} onPick={insert} />
    ),
  };
}

interface ReplyShortcutListProps {
  id: string;
  open: boolean;
  matches: CannedReplyView[];
  activeIndex: number;
  optionId(index: number): string;
  onPick(reply: CannedReplyView): void;
}

const ReplyShortcutList = ({ id, open, matches, activeIndex, optionId, onPick }: ReplyShortcutListProps) => {
  const { formatMessage } = useIntl();
  return (
    <Box
      tag="ul"
      id={id}
      role="listbox"
      data-testid="reply-shortcuts"
      aria-label={formatMessage({ id: getTranslation('reply.shortcuts.label'), defaultMessage: 'Canned replies' })}
      hidden={!open}
      background="neutral0"
      hasRadius
      shadow="filterShadow"
      borderColor="neutral200"
      padding={1}
      style={{ maxHeight: 240, overflowY: 'auto' }}
    >
      {open &&
        matches.map((reply, index) => (
          <Box
            tag="li"
            key={reply.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            background={index === activeIndex ? 'primary100' : undefined}
            hasRadius
            padding={2}
            // Keeps the caret in the text box: a click picks without moving the focus.
            onMouseDown={(event: MouseEvent) => {
              event.preventDefault();
              onPick(reply);
            }}
            style={{ cursor: 'pointer' }}
          >
            <Typography fontWeight="bold">{`/${reply.shortcut}`}</Typography>{' '}
            <Typography textColor="neutral600">{`${reply.title} · ${reply.language === 'all' ? '*' : reply.language.toUpperCase()}`}</Typography>
            <Typography tag="p" variant="pi" textColor="neutral600" ellipsis>
              {reply.rendered}
            </Typography>
          </Box>
        ))}
    </Box>
  );
};
