import { activityEn, activityKo } from './screens/activity';
import { checksEn, checksKo } from './screens/checks';
import { connectionsEn, connectionsKo } from './screens/connections';
import { fleetEn, fleetKo } from './screens/fleet';
import { fleetExtrasEn, fleetExtrasKo } from './screens/fleet-extras';
import type { Messages } from './screens/messages';
import { overviewEn, overviewKo } from './screens/overview';
import { policyEn, policyKo } from './screens/policy';
import { ownersEn, ownersKo } from './screens/owners';
import { rolesEn, rolesKo } from './screens/roles';
import { serviceEn, serviceKo } from './screens/service';
import { settingsEn, settingsKo } from './screens/settings';
import { shareLinksEn, shareLinksKo } from './screens/share-links';
import { shellEn, shellKo } from './screens/shell';
import { weightChartEn, weightChartKo } from './screens/weight-chart';

// The one catalogue of user-facing strings, per language, merged from one module per screen
// (screens/). English is the reference: a Korean screen module without one of its keys does not compile.
// {name} placeholders are filled by translate().
export type Language = 'en' | 'ko';

/** Each screen's words, English and Korean; a key must belong to one screen only (a test checks it). */
export const screens = [
  [shellEn, shellKo],
  [overviewEn, overviewKo],
  [serviceEn, serviceKo],
  [policyEn, policyKo],
  [connectionsEn, connectionsKo],
  [activityEn, activityKo],
  [settingsEn, settingsKo],
  [ownersEn, ownersKo],
  [rolesEn, rolesKo],
  [checksEn, checksKo],
  [fleetEn, fleetKo],
  [fleetExtrasEn, fleetExtrasKo],
  [shareLinksEn, shareLinksKo],
  [weightChartEn, weightChartKo],
] as const;

const en = {
  ...shellEn,
  ...overviewEn,
  ...serviceEn,
  ...policyEn,
  ...connectionsEn,
  ...activityEn,
  ...settingsEn,
  ...ownersEn,
  ...rolesEn,
  ...checksEn,
  ...fleetEn,
  ...fleetExtrasEn,
  ...shareLinksEn,
  ...weightChartEn,
};
const ko: Messages<typeof en> = {
  ...shellKo,
  ...overviewKo,
  ...serviceKo,
  ...policyKo,
  ...connectionsKo,
  ...activityKo,
  ...settingsKo,
  ...ownersKo,
  ...rolesKo,
  ...checksKo,
  ...fleetKo,
  ...fleetExtrasKo,
  ...shareLinksKo,
  ...weightChartKo,
};

export type MessageKey = keyof typeof en;

export const catalogues: Record<Language, Record<MessageKey, string>> = { en, ko };

/** For keys built at run time (kernel setting names the agent sends). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
