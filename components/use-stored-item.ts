/** A stored value as Preact state: its value (null until read), kept in step with changes from any page. */
import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from '#imports';

/** Anything that reads a stored value and calls back when it changes (a WXT storage item, the history). */
export interface Watchable<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

export function useWatched<T>(item: Watchable<T>): [T | null, (value: T) => void] {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return [value, setValue];
}

export function useStoredItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): [T | null, (value: T) => Promise<void>] {
  const [value, setValue] = useWatched(item);
  const save = async (next: T) => {
    setValue(next);
    await item.setValue(next);
  };
  return [value, save];
}
