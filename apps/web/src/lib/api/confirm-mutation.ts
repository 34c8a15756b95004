import type { Mutation } from '@tanstack/react-query';
import { announcedSince } from '../changes/change-notice';
import { showToast } from '../feedback/toasts';
import { hasMessage } from '../i18n/catalogue';

/**
 * After every mutation the agent accepted: a short confirmation. A mutation names its own message in
 * `meta.confirmation` (a catalogue key), or a function of its variables returning one, or null for none
 * (a dry run changes nothing); otherwise the generic "Done". None when the change's Undo notice is already
 * on screen: it says what was done, and one message per change is enough.
 */
export function confirmMutation(variables: unknown, mutation: Mutation<unknown, unknown, unknown>): void {
  const confirmation = mutation.meta?.confirmation;
  const key =
    typeof confirmation === 'function' ? (confirmation as (v: unknown) => unknown)(variables) : confirmation;
  if (key === null || announcedSince(mutation.state.submittedAt)) return;
  showToast(typeof key === 'string' && hasMessage(key) ? key : 'toast.done');
}
