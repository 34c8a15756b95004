/** Reports a repeated failure once a minute, not every interval (a dead kernel link would flood the log). */
export function throttleRepeats(report: (error: unknown) => void): (error: unknown) => void {
  let last = '';
  let lastAt = 0;
  return (error) => {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (text === last && Date.now() - lastAt < 60_000) return;
    report(error);
    last = text;
    lastAt = Date.now();
  };
}
