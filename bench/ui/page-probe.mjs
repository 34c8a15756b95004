// What bench:ui injects into the page before any of the app's scripts run: a PerformanceObserver collecting
// every 'longtask' entry (a main-thread task over 50 ms, per the Long Tasks API), and a count of WebSocket
// frames the page receives, so the run can show the page really got its 1 s updates while it was measured.
export const probeScript = `(() => {
  const longTasks = [];
  const frames = { count: 0, chars: 0 };
  window.__benchUi = { longTasks, frames };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        frames.count += 1;
        frames.chars += typeof event.data === 'string' ? event.data.length : 0;
      });
    }
  };
})();`;

/** Reads, inside the page, the probe's state: the clock, frames so far, long tasks since `since`. */
/* global window -- this function runs in the browser (page.evaluate), not in Node */
export function readProbe(since) {
  const probe = window.__benchUi;
  return {
    now: performance.now(),
    frames: { ...probe.frames },
    longTasks: probe.longTasks.filter((task) => task.start >= since),
  };
}
