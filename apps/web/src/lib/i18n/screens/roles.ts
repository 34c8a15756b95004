// The signed-in token's role, said at the top of every screen when it cannot change everything, in
// English and Korean. The compiler refuses a key that only one language has (rolesKo's type).
import type { Messages } from './messages';

export const rolesEn = {
  'role.viewer':
    'Signed in as {name} (viewer): you can see everything and change nothing; the agent refuses changes from this token.',
  'role.operator':
    'Signed in as {name} (operator): you can set weights, quiesce, drain and zero counters; other changes need an admin token.',
  'role.limited': 'This token may change only {services}.',
  'role.needsOperator': '{name} ({role}) may not do this: it needs an operator or admin token.',
  'role.needsAdmin': '{name} ({role}) may not do this: it needs an admin token.',
  'role.otherService': '{name} may change only {services}.',
  'role.wholeTable':
    '{name} may change only {services}; changes to the whole table need a token without that limit.',
} as const;

export const rolesKo: Messages<typeof rolesEn> = {
  'role.viewer':
    '{name}(viewer)로 로그인했습니다: 모든 것을 볼 수 있지만 바꿀 수는 없습니다. 에이전트가 이 토큰의 변경을 거부합니다.',
  'role.operator':
    '{name}(operator)로 로그인했습니다: 가중치 설정, 정지(quiesce), 드레인, 카운터 초기화를 할 수 있습니다. 다른 변경에는 admin 토큰이 필요합니다.',
  'role.limited': '이 토큰은 {services}만 바꿀 수 있습니다.',
  'role.needsOperator': '{name}({role})은 이 작업을 할 수 없습니다: operator 또는 admin 토큰이 필요합니다.',
  'role.needsAdmin': '{name}({role})은 이 작업을 할 수 없습니다: admin 토큰이 필요합니다.',
  'role.otherService': '{name}은(는) {services}만 바꿀 수 있습니다.',
  'role.wholeTable':
    '{name}은(는) {services}만 바꿀 수 있습니다. 테이블 전체를 바꾸려면 그런 제한이 없는 토큰이 필요합니다.',
};
