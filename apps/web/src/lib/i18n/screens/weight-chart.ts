// The service page's weight chart (each real server's weight over time: a slow-start ramp, a quiesce, a
// health hold), in English and Korean. Kept beside service.ts so the service page's other work and this one
// touch different files.
import type { Messages } from './messages';

export const weightChartEn = {
  'chart.weight': 'Weight of each real server',
  'chart.weightNow': 'Weights now: {list}',
  'chart.weightOf': '{server} {weight}',
  'chart.weightNone': 'no real servers',
} as const;

export const weightChartKo: Messages<typeof weightChartEn> = {
  'chart.weight': '실서버별 가중치',
  'chart.weightNow': '현재 가중치: {list}',
  'chart.weightOf': '{server} {weight}',
  'chart.weightNone': '실서버 없음',
};
