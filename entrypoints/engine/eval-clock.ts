/**
 * Imported first by the engine's entrypoint, so this runs before every other module of the bundle is initialised:
 * the `engine-init` measure (module initialisation up to `main`, without compiling; only in a build made with
 * MEASURE_EVALUATION=1) starts here. It is the one
 * figure of the engine's evaluation that needs no tracer or DevTools connection, which slow it (docs/performance.md).
 */
export const EVALUATION_START = performance.now();

/** Set by wxt.config.ts from MEASURE_EVALUATION. */
declare global {
  const __MEASURE_EVALUATION__: boolean;
}
