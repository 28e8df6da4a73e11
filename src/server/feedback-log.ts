// Remembers the answers of POST /v1/suggest for a while (masked), so that POST /v1/feedback can say
// which one the agent acted on, and appends each feedback to the JSON Lines log that
// `replylint tune` reads. Lines are appended one at a time, in order, so a log is never interleaved.

import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SuggestAnswer, Turn } from '../types.js';
import type { FeedbackRecord } from '../rank/feedback.js';

/** What is kept of an answer until its feedback arrives (texts already masked). */
export interface RememberedAnswer {
  message: string;
  history: Turn[];
  shown: FeedbackRecord['shown'];
  confidence: number;
  abstained: boolean;
}

export interface FeedbackLog {
  /** The log file, or null when feedback is off. */
  readonly file: string | null;
  /** Keeps an answer and returns its id. */
  remember(answer: RememberedAnswer): string;
  recall(id: string): RememberedAnswer | undefined;
  /** Appends a record; resolves when it is written. */
  append(record: FeedbackRecord): Promise<void>;
}

/** Answers kept at most (oldest forgotten first): about a working day of a busy shop. */
const KEEP = 20_000;

export function feedbackLog(file: string | null, keep = KEEP): FeedbackLog {
  const answers = new Map<string, RememberedAnswer>();
  let queue: Promise<void> = Promise.resolve();
  let dirReady: Promise<unknown> | null = null;
  return {
    file,
    remember(answer) {
      const id = randomUUID();
      answers.set(id, answer);
      if (answers.size > keep) answers.delete(answers.keys().next().value!);
      return id;
    },
    recall: (id) => answers.get(id),
    append(record) {
      if (!file) return Promise.reject(new Error('feedback is off'));
      dirReady ??= mkdir(dirname(file), { recursive: true });
      const line = JSON.stringify(record) + '\n';
      const write = queue.then(() => dirReady).then(() => appendFile(file, line, 'utf8'));
      queue = write.catch(() => undefined);
      return write;
    },
  };
}

/** The shown part of an answer, as the log keeps it. */
export function shownOf(answer: SuggestAnswer): FeedbackRecord['shown'] {
  return answer.suggestions.map((s) => ({ templateId: s.templateId, intent: s.intent }));
}
