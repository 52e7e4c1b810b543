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

/**
 * lazy() per key: the value for each key (a format, a table-3 layout) built on its first use, then kept. For the
 * tables the engine derives once per format or per layout.
 */
export function lazyPerKey<K, T>(build: (key: K) => T): (key: K) => T {
  const built = new Map<K, T>();
  return (key) => {
    if (!built.has(key)) built.set(key, build(key));
    return built.get(key) as T;
  };
}
