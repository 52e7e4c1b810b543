/**
 * What the source could not read into a cell (CheckResult.readingNotes: a PDF number between two columns, two
 * numbers in one cell), as a short notice list beside the findings: each note in Chinese, then English. A note
 * naming a cell links to it like a finding does; in the report viewer, a note also links to its mark on the page.
 */
import type { CheckResult } from '@/lib/findings';
import { cellLabel } from '@/lib/rules/labels';
import type { Language } from '@/utils/settings';
import { t } from '@/utils/i18n';

export function ReadingNotes(props: {
  result: CheckResult;
  lang: Language;
  onReveal?: (path: string) => void;
  /** The report viewer: which notes it marks on the page (by index), and showing one there. */
  notesOnPage?: readonly boolean[];
  onShowNote?: (index: number) => void;
}) {
  const { result, lang, onReveal, notesOnPage, onShowNote } = props;
  const notes = result.readingNotes ?? [];
  if (notes.length === 0) return null;
  const s = t(lang);
  return (
    <section class="reading-notes" aria-labelledby="reading-notes-heading" data-reading-notes>
      <h2 id="reading-notes-heading">
        读取说明 · <span lang="en">Reading notes</span>
      </h2>
      <p class="hint">{s.readingNotesHint}</p>
      <ul>
        {notes.map((note, i) => (
          <li key={i} data-reading-note>
            <span lang="zh-CN">{note.zh}</span>
            <span class="note-en" lang="en">
              {note.en}
            </span>
            {onShowNote && notesOnPage?.[i] && (
              <button type="button" class="link" data-show-note={i} onClick={() => onShowNote(i)}>
                {s.showNoteOnPage}
              </button>
            )}
            {onReveal &&
              note.cells?.map((path) => (
                <button type="button" class="link" key={path} data-reveal={path} onClick={() => onReveal(path)}>
                  {cellLabel(path)[lang]}
                </button>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
