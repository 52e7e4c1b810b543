/**
 * A source's reading notes (SourceDocument.readingNotes) as a result carries them: the cells each may belong to named
 * by path, matched by the cells' own Ref objects, so it works for any adapter without knowing what a Ref is.
 */
import type { ReadingNote } from './cell-source';
import type { ResultReadingNote } from './findings';

export function resultReadingNotes<Ref>(notes: readonly ReadingNote<Ref>[], refs: ReadonlyMap<string, Ref>): ResultReadingNote[] {
  const pathOf = new Map<Ref, string>();
  for (const [path, ref] of refs) pathOf.set(ref, path);
  return notes.map(({ zh, en, cells }) => {
    const paths = (cells ?? []).flatMap((ref) => (pathOf.has(ref) ? [pathOf.get(ref)!] : []));
    return paths.length > 0 ? { zh, en, cells: paths } : { zh, en };
  });
}

/** The cells some note names: where a BLANK finding says the file prints a number it could not place. */
export function unplacedCells(notes: readonly ResultReadingNote[]): Set<string> {
  return new Set(notes.flatMap((n) => n.cells ?? []));
}
