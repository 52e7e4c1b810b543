/**
 * The parts of a .docx (a zip) that the Word source reads, inflated with hard bounds: a zip bomb (too many entries, or
 * entries that inflate past the limit, whatever sizes their headers declare) is refused while inflating, with memory
 * bounded by the limit. The compressed bytes are fed in small slices, so one slice can never inflate to much.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { BAD_INPUT, type BadInput } from './bad-input';

const SLICE = 16 * 1024;

export interface ZipLimits {
  maxEntries: number;
  maxInflatedBytes: number;
}

/** The named entries' bytes (absent names are left out), or why the zip is refused. */
export function readZipEntries(bytes: Uint8Array, wanted: readonly string[], limits: ZipLimits): Map<string, Uint8Array> | BadInput {
  const found = new Map<string, Uint8Array>();
  const chunks = new Map<string, Uint8Array[]>();
  let entries = 0;
  let inflated = 0;
  let refused: BadInput | null = null;
  const unzip = new Unzip((file) => {
    if (refused) return;
    entries++;
    if (entries > limits.maxEntries) {
      refused = BAD_INPUT.zipBomb(`more than ${limits.maxEntries} entries`);
      return;
    }
    if ((file.originalSize ?? 0) > limits.maxInflatedBytes) {
      refused = BAD_INPUT.zipBomb(`${file.name}: ${file.originalSize} bytes`);
      return;
    }
    if (!wanted.includes(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (error, data, final) => {
      if (refused) return;
      if (error) {
        refused = BAD_INPUT.notDocx(error.message);
        return;
      }
      inflated += data.length;
      if (inflated > limits.maxInflatedBytes) {
        refused = BAD_INPUT.zipBomb(`more than ${(limits.maxInflatedBytes / 1024 / 1024).toFixed(limits.maxInflatedBytes < 1024 * 1024 ? 2 : 0)} MB`);
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) found.set(file.name, concat(parts));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !refused; offset += SLICE) {
      unzip.push(bytes.subarray(offset, offset + SLICE), offset + SLICE >= bytes.length);
    }
  } catch (error) {
    return BAD_INPUT.notDocx(error instanceof Error ? error.message : String(error));
  }
  return refused ?? found;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
