// The words of a service's return policy (slow start, sorry server): its form, and what a real server's
// card shows while it ramps or stands in as the sorry server, in English and Korean.
import type { Messages } from './messages';

export const policyEn = {
  'policy.title': 'Slow start and sorry server',
  'policy.hint':
    'Kept by the agent, not the kernel: exports carry them as "# ipvs-dashboard policy" lines, which ipvsadm -R skips.',
  'policy.slowStart': 'Slow start (seconds)',
  'policy.slowStartHint':
    'A real server that returns (unquiesced, its check passing again, or added) ramps up to its weight in steps over this time. 0: at once.',
  'policy.sorry': 'Sorry server',
  'policy.sorryHint':
    'Added while no real server is up (each held, at weight 0 or its check down), removed when one returns. Leave the address empty for none.',
  'policy.sorryAddress': 'Sorry server address',
  'policy.sorryPort': 'Sorry server port',
  'policy.saved': 'Saved',
  'server.ramp': 'ramping {weight} → {target}',
  'server.rampTitle': 'slow start: weight {weight} of {target}, full weight in {seconds} s',
  'server.rampChart': 'Slow-start ramp of {server}: weight {weight} of {target}',
  'server.sorry': 'sorry server',
  'server.sorryTitle':
    'Stands in while no real server of this service is up; the agent removes it when one returns.',
} as const;

export const policyKo: Messages<typeof policyEn> = {
  'policy.title': '슬로 스타트와 소리 서버',
  'policy.hint':
    '커널이 아닌 에이전트가 보관합니다. 내보내기에는 ipvsadm -R이 건너뛰는 "# ipvs-dashboard policy" 줄로 담깁니다.',
  'policy.slowStart': '슬로 스타트 (초)',
  'policy.slowStartHint':
    '복귀하는 리얼 서버(제외 해제, 헬스 체크 회복, 새로 추가)는 이 시간 동안 단계적으로 가중치를 올립니다. 0이면 즉시 복귀합니다.',
  'policy.sorry': '소리 서버',
  'policy.sorryHint':
    '가용한 리얼 서버가 하나도 없을 때(모두 제외, 가중치 0 또는 헬스 체크 장애) 추가되고, 하나라도 복귀하면 제거됩니다. 주소를 비우면 사용하지 않습니다.',
  'policy.sorryAddress': '소리 서버 주소',
  'policy.sorryPort': '소리 서버 포트',
  'policy.saved': '저장됨',
  'server.ramp': '가중치 증가 중 {weight} → {target}',
  'server.rampTitle': '슬로 스타트: 가중치 {weight} / {target}, {seconds}초 후 전체 가중치',
  'server.rampChart': '{server} 슬로 스타트 진행: 가중치 {weight} / {target}',
  'server.sorry': '소리 서버',
  'server.sorryTitle':
    '이 서비스의 리얼 서버가 모두 내려가 있는 동안 대신 응답합니다. 하나라도 복귀하면 에이전트가 제거합니다.',
};
