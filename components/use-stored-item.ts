/** A WXT storage item as Preact state: its value (null until read), kept in step with changes from any page. */
import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from '#imports';

export function useStoredItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): [T | null, (value: T) => Promise<void>] {
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
  const save = async (next: T) => {
    setValue(next);
    await item.setValue(next);
  };
  return [value, save];
}
