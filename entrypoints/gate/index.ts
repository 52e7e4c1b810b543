import { startGate } from './start';

/**
 * The always-on part, on every page of an auto-check site (listed in the manifest by wxt.config.ts, and registered
 * for the sites the user adds by utils/content-script-registration.ts). An unlisted script, not a WXT content script,
 * so that it carries no runtime: WXT's content-script context would touch the extension API and dispatch events on
 * every page. It must stay tiny: the engine is a content script of its own (entrypoints/engine).
 */
export default defineUnlistedScript(() => {
  startGate();
});
