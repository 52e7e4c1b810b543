/**
 * A value built on first use, then kept: for tables the engine derives from the template. Building them at import
 * made the engine script's evaluation one long task on every report page (docs/performance.md); built on first use
 * they are built inside a check, which runs in slices.
 */
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
