/**
 * The extension's two content scripts, by file and by the flag each leaves on `window` (in the extension's isolated
 * world) so that a second copy in the same page does not start. Imports nothing: the gate loads it on every page.
 *
 * - The gate (entrypoints/gate): always on where auto-check may run (the manifest's *.gov.cn and the sites the
 *   user adds). It looks for report labels and asks the background for the engine; nothing else.
 * - The engine (entrypoints/engine.content): check, overlay, page watch and messages. Injected with
 *   scripting.executeScript by the background when the gate asks, or by the popup when the user asks for a check.
 */
export const GATE_SCRIPT_FILE = '/gate.js' as const;
export const ENGINE_SCRIPT_FILE = '/content-scripts/engine.js' as const;

export const GATE_GUARD = '__govReportCheckerGate__';
export const ENGINE_GUARD = '__govReportChecker__';

export type GuardedWindow = Window & { [GATE_GUARD]?: true; [ENGINE_GUARD]?: unknown };
