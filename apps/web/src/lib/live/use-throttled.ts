import { useEffect, useRef, useState } from 'react';

/**
 * The value, but changing at most once per `ms`: the latest value is shown when the period ends. Charts of
 * five or fifteen minutes gain nothing from redrawing every second, and recharts redraws are the costliest
 * work on the service page.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    const wait = last.current + ms - Date.now();
    if (wait <= 0) {
      last.current = Date.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(latest.current);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
