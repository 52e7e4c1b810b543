/**
 * The extension's two content scripts, by file and by the flag each leaves on `window` (in the extension's isolated
 * world) so that a second copy in the same page does not start. Imports nothing: the gate loads it on every page.
 *
 * - The gate (entrypoints/gate): always on where auto-check may run (the manifest's *.gov.cn and the sites the
 *   user adds). It looks for report labels and asks the background for the engine; nothing else.
 * - The engine (entrypoints/engine): check, overlay, page watch and messages. Injected with
 *   scripting.executeScript by the background when the gate asks, or by the popup when the user asks for a check.
 */
export const GATE_SCRIPT_FILE = '/gate.js' as const;
export const ENGINE_SCRIPT_FILE = '/engine.js' as const;

export const GATE_GUARD = '__govReportCheckerGate__';
export const ENGINE_GUARD = '__govReportChecker__';
/**
 * Set by the background just before it injects the engine for the gate, which has found report labels: the engine's
 * first check then does not look for them again. The engine reads and deletes it.
 */
export const LOADED_BY_GATE = '__govReportCheckerLoadedByGate__';

/** The gate's guard counts its looks at the page (the e2e tests read it in the content-script world). */
export type GuardedWindow = Window & { [GATE_GUARD]?: number; [ENGINE_GUARD]?: unknown; [LOADED_BY_GATE]?: true };
