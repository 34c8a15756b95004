import { useT } from '../../../lib/i18n/i18n-context';
import { ConfigTransferCard } from './config-transfer-card';
import { DaemonsCard } from './daemons-card';
import { DangerZoneCard } from './danger-zone-card';
import { KernelSettingsCard } from './kernel-settings-card';
import { ShareLinksCard } from './share-links-card';
import { TimeoutsCard } from './timeouts-card';

export function SettingsPage() {
  const t = useT();
  return (
    <>
      <h1>{t('nav.settings')}</h1>
      <div className="board board-halves">
        <TimeoutsCard />
        <DaemonsCard />
      </div>
      <KernelSettingsCard />
      <ConfigTransferCard />
      <ShareLinksCard />
      <DangerZoneCard />
    </>
  );
}
