import type { Bilingual } from '../lib/rules/labels';

/** An engine or worker failure on one page, reported like an unreadable input so the other pages are still checked. */
export function internalError(error: unknown): Bilingual {
  const message = error instanceof Error ? error.message : String(error);
  return { zh: `检查时出现内部错误（${message}）`, en: `internal error while checking (${message})` };
}
