import { useState } from 'react';
import { MAX_RANGE_MS, MIN_RANGE_MS } from '@ipvs-dashboard/shared';
import { Segmented } from '../../../components/segmented';
import { useT } from '../../../lib/i18n/i18n-context';
import './range-picker.css';
import { chartWindow, windowKeyOf, windowKeys, type ChartWindow, type ChartWindowKey } from './chart-window';

/** `<input type="datetime-local">` text for a time in the viewer's zone, and back. */
function localInput(epochMs: number): string {
  const date = new Date(epochMs - new Date(epochMs).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

function fromLocalInput(text: string): number {
  return text ? new Date(text).getTime() : NaN;
}

interface RangePickerProps {
  range: ChartWindow;
  onChange: (range: ChartWindow) => void;
  /** GET /info says Prometheus is connected: the long ranges and a chosen range are offered. */
  withPrometheus: boolean;
}

/** The charts' range: 1, 5, 15 min always; 1 h to 7 d and a chosen range with Prometheus; else how to add it. */
export function RangePicker({ range, onChange, withPrometheus }: RangePickerProps) {
  const t = useT();
  const [custom, setCustom] = useState(() => {
    const now = Date.now();
    return { from: localInput(now - 86_400_000), to: localInput(now) };
  });
  const from = fromLocalInput(custom.from);
  const to = fromLocalInput(custom.to);
  const customValid = to - from >= MIN_RANGE_MS && to - from <= MAX_RANGE_MS;
  const choose = (key: ChartWindowKey) =>
    onChange(key === 'custom' ? { kind: 'custom', from, to, windowMs: to - from } : chartWindow(key));
  return (
    <div className="range-picker">
      <Segmented
        label={t('chart.window')}
        options={windowKeys(withPrometheus).map((key) => ({ value: key, label: t(`chart.range.${key}`) }))}
        value={windowKeyOf(range)}
        onChange={choose}
      />
      {!withPrometheus && (
        <p className="muted range-hint" data-testid="prometheus-hint">
          {t('chart.prometheusHint')}
        </p>
      )}
      {range.kind === 'custom' && (
        <form
          className="range-custom"
          onSubmit={(event) => {
            event.preventDefault();
            if (customValid) onChange({ kind: 'custom', from, to, windowMs: to - from });
          }}
        >
          <label>
            {t('chart.customFrom')}
            <input
              type="datetime-local"
              value={custom.from}
              onChange={(event) => setCustom({ ...custom, from: event.target.value })}
            />
          </label>
          <label>
            {t('chart.customTo')}
            <input
              type="datetime-local"
              value={custom.to}
              onChange={(event) => setCustom({ ...custom, to: event.target.value })}
            />
          </label>
          <button type="submit" disabled={!customValid}>
            {t('chart.customApply')}
          </button>
          {!customValid && <span className="field-error">{t('chart.customInvalid')}</span>}
        </form>
      )}
    </div>
  );
}
