import type { Destination } from '@ipvs-dashboard/shared';
import { planRamp } from '@ipvs-dashboard/shared';
import { useT } from '../../../lib/i18n/i18n-context';

const WIDTH = 120;
const HEIGHT = 28;

/**
 * A ramp in progress (slow start): the planned staircase of weights over its time (shared planRamp, the
 * plan the agent runs), the steps reached drawn solid, the rest dashed; and the chip saying where it is.
 */
export function ServerRamp({ destination, did }: { destination: Destination; did: string }) {
  const t = useT();
  const ramp = destination.ramp;
  if (!ramp) return null;
  const seconds = (ramp.endsAt - ramp.startedAt) / 1000;
  const steps = planRamp(ramp.target, seconds);
  const reached = steps.findIndex((step) => step.weight === ramp.weight);
  const x = (ms: number) => (seconds > 0 ? (ms / (seconds * 1000)) * WIDTH : 0);
  const y = (weight: number) => HEIGHT - (weight / ramp.target) * (HEIGHT - 2);
  const path = (from: number, to: number) =>
    steps
      .slice(from, to + 1)
      .map((step, i, part) => {
        const next = part[i + 1];
        const end = next
          ? x(next.atMs)
          : x(step.atMs) + (i === part.length - 1 && to === steps.length - 1 ? 4 : 0);
        return `${i === 0 ? 'M' : 'L'}${x(step.atMs).toFixed(1)},${y(step.weight).toFixed(1)} H${end.toFixed(1)}`;
      })
      .join(' ');
  const left = Math.max(0, Math.round((ramp.endsAt - Date.now()) / 1000));
  return (
    <div className="server-ramp" data-testid="ramp" data-weight={ramp.weight} data-target={ramp.target}>
      <span
        className="chip chip-info"
        title={t('server.rampTitle', { weight: ramp.weight, target: ramp.target, seconds: left })}
      >
        {t('server.ramp', { weight: ramp.weight, target: ramp.target })}
      </span>
      <svg
        width={WIDTH + 4}
        height={HEIGHT}
        role="img"
        aria-label={t('server.rampChart', { server: did, weight: ramp.weight, target: ramp.target })}
      >
        <path d={path(0, steps.length - 1)} fill="none" stroke="var(--text-muted)" strokeDasharray="2 2" />
        {reached >= 0 && <path d={path(0, reached)} fill="none" stroke="var(--ok)" strokeWidth={2} />}
      </svg>
    </div>
  );
}

/** The sorry server's mark: it stands in while no real server is up, and is never counted as one. */
export function SorryMark({ destination }: { destination: Destination }) {
  const t = useT();
  if (!destination.sorryServer) return null;
  return (
    <span className="chip chip-warn" data-testid="sorry-server" title={t('server.sorryTitle')}>
      {t('server.sorry')}
    </span>
  );
}
