import type { rolesEn } from './messages-roles-en';

export const rolesKo: Record<keyof typeof rolesEn, string> = {
  'role.viewer':
    '{name}(viewer)로 로그인했습니다: 모든 것을 볼 수 있지만 바꿀 수는 없습니다. 에이전트가 이 토큰의 변경을 거부합니다.',
  'role.operator':
    '{name}(operator)로 로그인했습니다: 가중치 설정, 정지(quiesce), 드레인, 카운터 초기화를 할 수 있습니다. 다른 변경에는 admin 토큰이 필요합니다.',
  'role.limited': '이 토큰은 {services}만 바꿀 수 있습니다.',
};
