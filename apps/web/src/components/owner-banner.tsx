import { useQuery } from '@tanstack/react-query';
import { ownersOf, type TableOwner } from '@ipvs-dashboard/shared';
import { useT, type Translate } from '../lib/i18n/i18n-context';
import { infoQueryOptions } from '../lib/table/get-info';

// keepalived, ldirectord or kube-proxy manage (part of) this table too (GET /info owners): a change made
// here to what they manage lasts only until their next reload or check transition. Said where it matters:
// on the page of a service they manage, and on the overview with how many of its services they hold.

function VrrpLines({ owner }: { owner: TableOwner }) {
  const t = useT();
  return owner.vrrp
    .filter((instance) => instance.state !== 'unknown')
    .map((instance) => (
      <div key={instance.instance} data-testid="owner-vrrp">
        {t('owners.vrrp', {
          instance: instance.instance,
          state: t(instance.state === 'master' ? 'owners.vrrpMaster' : 'owners.vrrpBackup', {
            addresses: instance.virtualAddresses.join(', '),
          }),
        })}
      </div>
    ));
}

function OwnerNotice({ owner, text }: { owner: TableOwner; text: string }) {
  const t = useT();
  return (
    <div className="notice" role="status" data-testid="owner-banner">
      <div style={{ flex: 1 }}>
        <strong>{t('owners.title', { name: owner.name })}</strong> {text}
        <VrrpLines owner={owner} />
        {owner.note && <div className="muted">{t('owners.note', { note: owner.note })}</div>}
      </div>
    </div>
  );
}

/** What the owner manages, said for one service (`count` absent) or for the overview's `count` services. */
function ownerText(t: Translate, owner: TableOwner, count?: number): string {
  if (owner.services === 'all') return t('owners.all', { name: owner.name, pid: owner.pid });
  const config = owner.config ?? t('owners.noConfig');
  return count === undefined
    ? t('owners.service', { name: owner.name, pid: owner.pid, config })
    : t('owners.overview', { name: owner.name, pid: owner.pid, config, count });
}

/** On a service's page: each program whose configuration manages this service. */
export function ServiceOwnerBanner({ sid }: { sid: string }) {
  const t = useT();
  const { data: info } = useQuery(infoQueryOptions());
  return ownersOf(info?.owners ?? [], sid).map((owner) => (
    <OwnerNotice key={owner.pid} owner={owner} text={ownerText(t, owner)} />
  ));
}

/** On the overview: each program managing any of the listed services, with how many. */
export function TableOwnersBanner({ serviceIds }: { serviceIds: readonly string[] }) {
  const t = useT();
  const { data: info } = useQuery(infoQueryOptions());
  return (info?.owners ?? []).map((owner) => {
    const count =
      owner.services === 'all'
        ? serviceIds.length
        : serviceIds.filter((id) => owner.services.includes(id)).length;
    if (owner.services !== 'all' && count === 0 && owner.vrrp.length === 0) return null;
    return <OwnerNotice key={owner.pid} owner={owner} text={ownerText(t, owner, count)} />;
  });
}
