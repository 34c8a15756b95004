// Other programs managing the table (GET /info owners): the banner on the overview and service pages,
// in English and Korean. The compiler refuses a key that only one language has (ownersKo's type).
import type { Messages } from './messages';

export const ownersEn = {
  'owners.title': '{name} also manages this table.',
  'owners.service':
    '{name} (pid {pid}) manages this service: it will put back its own settings at its next reload or check transition, so a change made here may not last. Make lasting changes in {config}.',
  'owners.overview':
    '{name} (pid {pid}, {config}) manages {count} of these services; changes to them may be reverted at its next reload or check transition.',
  'owners.all':
    '{name} (pid {pid}) manages every IPVS service on this host: it removes or rewrites what its own configuration does not hold.',
  'owners.vrrp': 'VRRP {instance}: this director is {state}.',
  'owners.vrrpMaster': 'MASTER (it holds {addresses})',
  'owners.vrrpBackup': 'BACKUP (it holds none of {addresses})',
  'owners.note': 'Not everything could be read: {note}.',
  'owners.noConfig': 'its configuration',
} as const;

export const ownersKo: Messages<typeof ownersEn> = {
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
