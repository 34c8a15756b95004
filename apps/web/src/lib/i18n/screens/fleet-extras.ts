// The Fleet page's 1-hour lines from Prometheus and the pair view's connection counts, in English and
// Korean. Kept beside fleet.ts (not in it) so the Fleet page's other work and this one touch different files.
import type { Messages } from './messages';

export const fleetExtrasEn = {
  'fleetHistory.label': 'New connections/s, last hour',
  'fleetHistory.latest': '{value}/s now',
  'fleetHistory.peak': 'peak {value}/s',
  'fleetHistory.connectHint':
    'Connections over the last hour per director: start this agent with --prometheus-url http://<prometheus>:9090, a Prometheus that scrapes every director’s /metrics.',
  'fleetHistory.failed': 'The 1-hour lines could not be read from Prometheus: {error}',
  'pairConnections.title': 'Connections on each side',
  'pairConnections.side': '{name}: {active} active, {inactive} inactive ({total} in all)',
  'pairConnections.master': 'sync master',
  'pairConnections.backup': 'sync backup',
  'pairConnections.balanced': 'The two sides hold about as many connection entries.',
  'pairConnections.imbalanced':
    '{fewer} holds {percent}% fewer connection entries than {more}: a syncing backup should hold about as many as its master. Check the sync daemons (same syncid, interface and multicast group) and the network between them.',
  'pairConnections.tooFew': 'Too few connections to compare the two sides.',
} as const;

export const fleetExtrasKo: Messages<typeof fleetExtrasEn> = {
  'fleetHistory.label': '초당 새 연결, 최근 1시간',
  'fleetHistory.latest': '지금 {value}/s',
  'fleetHistory.peak': '최고 {value}/s',
  'fleetHistory.connectHint':
    '디렉터별 최근 1시간 연결 추이: 모든 디렉터의 /metrics를 수집하는 Prometheus를 --prometheus-url http://<prometheus>:9090 으로 지정해 이 에이전트를 시작하세요.',
  'fleetHistory.failed': 'Prometheus에서 1시간 추이를 읽지 못했습니다: {error}',
  'pairConnections.title': '양쪽의 연결',
  'pairConnections.side': '{name}: 활성 {active}, 비활성 {inactive} (모두 {total})',
  'pairConnections.master': '동기화 마스터',
  'pairConnections.backup': '동기화 백업',
  'pairConnections.balanced': '양쪽의 연결 항목 수가 비슷합니다.',
  'pairConnections.imbalanced':
    '{fewer}의 연결 항목이 {more}보다 {percent}% 적습니다. 동기화 중인 백업은 마스터와 비슷한 수를 가져야 합니다. 동기화 데몬(같은 syncid, 인터페이스, 멀티캐스트 그룹)과 둘 사이의 네트워크를 확인하세요.',
  'pairConnections.tooFew': '연결이 너무 적어 양쪽을 비교할 수 없습니다.',
};
