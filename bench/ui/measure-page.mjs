// Measures one screen of the dashboard as it sits open: for `seconds`, the main-thread time spent in long
// tasks (the Long Tasks API: tasks over 50 ms), the longest task, and Chromium's own total of main-thread
// task time (CDP Performance.getMetrics TaskDuration), plus the live frames the page received meanwhile.
import { readProbe } from './page-probe.mjs';

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
}

const round = (value, digits = 1) => Number(value.toFixed(digits));

export async function measurePage(page, cdp, seconds, { profilePath, writeProfile } = {}) {
  if (profilePath) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const start = await page.evaluate(readProbe, 0);
  const taskStart = await taskSeconds(cdp);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const end = await page.evaluate(readProbe, start.now);
  const taskEnd = await taskSeconds(cdp);
  if (profilePath) writeProfile(profilePath, (await cdp.send('Profiler.stop')).profile);
  const wallMs = end.now - start.now;
  const longTasks = end.longTasks.filter((task) => task.start < end.now);
  const longTaskMs = longTasks.reduce((total, task) => total + task.duration, 0);
  const longest = longTasks.reduce((most, task) => Math.max(most, task.duration), 0);
  return {
    seconds: round(wallMs / 1000),
    longTaskFraction: round(longTaskMs / wallMs, 4),
    longestTaskMs: round(longest),
    longTasks: longTasks.length,
    longTaskMs: round(longTaskMs),
    // One slow task on a loaded machine can be preemption, not the page: the five longest tell them apart.
    tasksOver100Ms: longTasks.filter((task) => task.duration > 100).length,
    longestFiveMs: longTasks
      .map((task) => round(task.duration))
      .sort((a, b) => b - a)
      .slice(0, 5),
    busyFraction: round(((taskEnd - taskStart) * 1000) / wallMs, 4),
    framesPerSecond: round((end.frames.count - start.frames.count) / (wallMs / 1000), 2),
    frameCharsPerSecond: Math.round((end.frames.chars - start.frames.chars) / (wallMs / 1000)),
  };
}
