import { useEffect, useRef, useState } from 'react';

/**
 * The values, but each one taking its new value in its own browser task, `gapMs` after the one before.
 * Six recharts charts redrawn together were one 200-330 ms main-thread task on the service page with ten
 * servers (bench:ui); one at a time, each is a task of its own and the page stays responsive in between.
 */
export function useStaggered<T>(values: readonly T[], gapMs: number): readonly T[] {
  const [shown, setShown] = useState(values);
  const latest = useRef(values);
  latest.current = values;
  useEffect(() => {
    const timers = values.map((_, index) =>
      setTimeout(() => {
        setShown((current) => {
          const next = latest.current[index];
          if (current[index] === next) return current;
          const copy = current.length === latest.current.length ? [...current] : [...latest.current];
          copy[index] = next as T;
          return copy;
        });
      }, index * gapMs),
    );
    return () => timers.forEach(clearTimeout);
  }, [values, gapMs]);
  return shown.length === values.length ? shown : values;
}
