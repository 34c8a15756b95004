import type { ownersEn } from './messages-owners-en';

// 테이블을 함께 관리하는 다른 프로그램 (GET /info owners) 배너.
export const ownersKo: Record<keyof typeof ownersEn, string> = {
  'owners.title': '{name}도 이 테이블을 관리합니다.',
  'owners.service':
    '{name}(pid {pid})이 이 서비스를 관리합니다: 다음 reload나 헬스 체크 상태 변화 때 자신의 설정으로 되돌리므로, 여기서 바꾼 내용은 유지되지 않을 수 있습니다. 오래 유지할 변경은 {config}에서 하십시오.',
  'owners.overview':
    '{name}(pid {pid}, {config})이 이 서비스 중 {count}개를 관리합니다. 다음 reload나 헬스 체크 상태 변화 때 변경이 되돌려질 수 있습니다.',
  'owners.all':
    '{name}(pid {pid})이 이 호스트의 모든 IPVS 서비스를 관리합니다: 자신의 설정에 없는 것은 지우거나 다시 씁니다.',
  'owners.vrrp': 'VRRP {instance}: 이 디렉터는 {state}입니다.',
  'owners.vrrpMaster': 'MASTER ({addresses} 보유)',
  'owners.vrrpBackup': 'BACKUP ({addresses} 중 보유한 주소 없음)',
  'owners.note': '일부를 읽지 못했습니다: {note}.',
  'owners.noConfig': '그 설정 파일',
};
