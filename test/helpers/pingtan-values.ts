/**
 * The statistics of the one real page in shared/realworld (pingtan-2023.html) as its README lists them, as cell
 * specs for report-builder. Every rule holds on these numbers; only the text's 393 (vs 470) disagrees.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadHtml } from '../../lib/sources/cheerio';
import { table3Rows, table4Values } from './report-builder';

const Z = [0, 0, 0, 0, 0, 0, 0];
const only = (natural: number, commercial: number) => [natural, commercial, 0, 0, 0, 0, natural + commercial];

export const PINGTAN_CELLS: Record<string, string> = {
  'table2.regulations.made': '0',
  'table2.regulations.repealed': '0',
  'table2.regulations.valid': '0',
  'table2.normativeDocuments.made': '77',
  'table2.normativeDocuments.repealed': '132',
  'table2.normativeDocuments.valid': '470',
  'table2.licensing': '2629',
  'table2.punishment': '1330',
  'table2.coercion': '54',
  'table2.fees': '5949.088667',
  ...table3Rows({
    newReceived: only(80, 1),
    carriedOver: Z,
    'results.granted': only(22, 0),
    'results.partialGrant': only(19, 1),
    'results.denied.thirdPartyRights': only(1, 0),
    'results.denied.processInfo': only(1, 0),
    'results.denied.enforcementCase': only(1, 0),
    'results.denied.adminQuery': only(2, 0),
    'results.unableToProvide.noInfo': only(31, 0),
    'results.notProcessed.repeat': only(1, 0),
    'results.other.overdueCorrection': only(1, 0),
    'results.other.otherReasons': only(1, 0),
    'results.totalProcessed': only(80, 1),
    carriedForward: Z,
  }),
  ...table4Values([1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]),
};

/** The page's text outside its tables, as the cheerio source reads it. */
export function pingtanBodyText(): string {
  const file = fileURLToPath(new URL('../../../shared/realworld/pingtan-2023.html', import.meta.url));
  return loadHtml(readFileSync(file, 'utf8')).bodyText;
}
