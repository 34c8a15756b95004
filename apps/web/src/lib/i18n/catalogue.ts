import { en } from './messages-en';
import { ko } from './messages-ko';

// The one catalogue of user-facing strings, per language.
export type Language = 'en' | 'ko';
export type MessageKey = keyof typeof en;

export const catalogues: Record<Language, Record<MessageKey, string>> = { en, ko };

/** For keys built at run time (kernel setting names the agent sends). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
