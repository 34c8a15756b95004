// The Settings page's share links (read-only viewer tokens for a wall screen), in English and Korean.
import type { Messages } from './messages';

export const shareLinksEn = {
  'share.title': 'Read-only share links',
  'share.intro':
    'A link for a wall screen: it signs a browser in with its own viewer token, which reads everything and changes nothing. Revoking it signs those screens out.',
  'share.name': 'Name',
  'share.make': 'Make a read-only link',
  'share.made':
    'Share link "{name}": open this URL on the screen. It is shown once; the agent keeps only a hash of its token.',
  'share.none': 'No named tokens yet.',
  'share.role': 'Role',
  'share.created': 'Created',
  'share.revoke': 'Revoke',
  'share.revokeConfirm': 'Revoke the token "{name}"? Every screen and tool signed in with it is signed out.',
} as const;

export const shareLinksKo: Messages<typeof shareLinksEn> = {
  'share.title': '읽기 전용 공유 링크',
  'share.intro':
    '상황판 화면용 링크: 자체 viewer 토큰으로 브라우저를 로그인시키며, 모든 것을 읽을 수 있지만 아무것도 바꿀 수 없습니다. 폐기하면 그 화면들은 로그아웃됩니다.',
  'share.name': '이름',
  'share.make': '읽기 전용 링크 만들기',
  'share.made':
    '공유 링크 "{name}": 화면에서 이 URL을 여세요. 한 번만 표시됩니다. 에이전트는 토큰의 해시만 보관합니다.',
  'share.none': '이름 있는 토큰이 아직 없습니다.',
  'share.role': '역할',
  'share.created': '만든 시각',
  'share.revoke': '폐기',
  'share.revokeConfirm':
    '토큰 "{name}"을(를) 폐기할까요? 이 토큰으로 로그인한 모든 화면과 도구가 로그아웃됩니다.',
};
