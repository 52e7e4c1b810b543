/** A checked document whose refs are file positions (a PDF box, a Word table cell) → the same with the elements drawn for them. */
import type { CheckedDocument } from '@/lib/check';
import type { TableId } from '@/lib/report';
import type { CheckedView } from '@/utils/overlay/model';

/** `toElement` may return null for a ref it cannot place; that cell then gets no badge (the findings list still names it). */
export function mapRefs<From, To>(checked: CheckedDocument<From>, toElement: (ref: From) => To | null): CheckedView<To> {
  const refs = new Map<string, To>();
  for (const [path, ref] of checked.refs) {
    const el = toElement(ref);
    if (el !== null) refs.set(path, el);
  }
  const tableRefs: Partial<Record<TableId, To[]>> = {};
  for (const [table, list] of Object.entries(checked.tableRefs) as [TableId, From[]][]) {
    tableRefs[table] = list.map(toElement).filter((el): el is To => el !== null);
  }
  return { result: checked.result, refs, tableRefs };
}
