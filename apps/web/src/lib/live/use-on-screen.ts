import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether the element is (near) on screen. Without IntersectionObserver (tests, very old browsers) it
 * counts as on screen, so nothing is ever hidden by this.
 */
export function useOnScreen<E extends Element>(): [RefObject<E | null>, boolean] {
  const ref = useRef<E | null>(null);
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    // A margin of half a screen: a chart scrolled towards is redrawn before it shows.
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) setOnScreen(entry.isIntersecting);
      },
      { rootMargin: '50% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, onScreen];
}

/** The value while `live`; otherwise the last value it had while live (the first one if never). */
export function useHeldWhile<T>(value: T, live: boolean): T {
  const held = useRef(value);
  if (live) held.current = value;
  return held.current;
}
