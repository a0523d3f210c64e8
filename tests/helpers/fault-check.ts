import type { SeenMessage } from './chat-load';
import type { StoredMessage } from './fault-cluster';

/**
 * The promises a chat makes under faults, checked against what PostgreSQL holds: every message a
 * client sent is stored exactly once, each author's messages in the order they were sent, `seq`
 * runs 1, 2, 3… without a gap, each acknowledgement names the stored seq, and every client's view
 * of a conversation is the stored list.
 */

export interface SentMessage {
  clientId: string;
  text: string;
  /** The seq the acknowledgement named (undefined: never acknowledged). */
  ackedSeq?: number;
}

/** What one author sent into one conversation, in the order they sent it. */
export interface SentLog {
  conversationId: number;
  author: string;
  messages: SentMessage[];
}

export interface ClientView {
  label: string;
  conversationId: number;
  messages: SeenMessage[];
}

export interface FaultReport {
  conversations: number;
  stored: number;
  sent: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  seqGaps: number;
  ackMismatches: number;
  viewsCompared: number;
  viewMismatches: number;
  /** The first problems found, to read when a check fails. */
  problems: string[];
}

const sameMessage = (seen: SeenMessage | undefined, stored: StoredMessage) =>
  !!seen && seen.seq === stored.seq && seen.clientId === stored.clientId && seen.author === stored.author && seen.text === stored.text;

export function checkAgainstDatabase(stored: StoredMessage[], logs: SentLog[], views: ClientView[]): FaultReport {
  const report: FaultReport = {
    conversations: 0,
    stored: stored.length,
    sent: 0,
    lost: 0,
    duplicated: 0,
    outOfOrder: 0,
    seqGaps: 0,
    ackMismatches: 0,
    viewsCompared: views.length,
    viewMismatches: 0,
    problems: [],
  };
  const problem = (text: string) => {
    if (report.problems.length < 20) report.problems.push(text);
  };

  const byConversation = new Map<number, StoredMessage[]>();
  for (const message of stored) {
    const list = byConversation.get(message.conversationId) ?? [];
    list.push(message);
    byConversation.set(message.conversationId, list);
  }
  report.conversations = byConversation.size;

  for (const [conversationId, messages] of byConversation) {
    if (messages.some((message, index) => message.seq !== index + 1)) {
      report.seqGaps += 1;
      problem(`conversation ${conversationId}: seqs ${messages.map((message) => message.seq).join(',')}`);
    }
  }

  for (const log of logs) {
    const messages = byConversation.get(log.conversationId) ?? [];
    const storedSeqs: number[] = [];
    for (const sent of log.messages) {
      report.sent += 1;
      const copies = messages.filter((message) => message.clientId === sent.clientId || message.text === sent.text);
      if (copies.length === 0) {
        report.lost += 1;
        problem(`conversation ${log.conversationId}: ${log.author}'s ${sent.clientId} is not stored`);
        continue;
      }
      if (copies.length > 1) {
        report.duplicated += copies.length - 1;
        problem(`conversation ${log.conversationId}: ${log.author}'s ${sent.clientId} is stored ${copies.length} times`);
      }
      storedSeqs.push(copies[0].seq);
      if (sent.ackedSeq !== undefined && sent.ackedSeq !== copies[0].seq) {
        report.ackMismatches += 1;
        problem(`conversation ${log.conversationId}: ${sent.clientId} acknowledged as seq ${sent.ackedSeq}, stored as ${copies[0].seq}`);
      }
    }
    if (storedSeqs.some((seq, index) => index > 0 && seq < storedSeqs[index - 1])) {
      report.outOfOrder += 1;
      problem(`conversation ${log.conversationId}: ${log.author}'s messages are stored as seqs ${storedSeqs.join(',')}`);
    }
  }

  for (const view of views) {
    const messages = byConversation.get(view.conversationId) ?? [];
    const equal = view.messages.length === messages.length && messages.every((message, index) => sameMessage(view.messages[index], message));
    if (!equal) {
      report.viewMismatches += 1;
      const seenSeqs = new Set(view.messages.map((message) => message.seq));
      const missing = messages.filter((message) => !seenSeqs.has(message.seq)).map((message) => message.seq);
      problem(`${view.label}, conversation ${view.conversationId}: sees ${view.messages.length} of ${messages.length}, missing seqs ${missing.slice(0, 10).join(',')}`);
    }
  }
  return report;
}
