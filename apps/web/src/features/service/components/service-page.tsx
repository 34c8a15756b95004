import { useQuery } from '@tanstack/react-query';
import { ActionError } from '../../../components/error-text';
import { AllowedButton } from '../../../components/allowed-button';
import { ServiceOwnerBanner } from '../../../components/owner-banner';
import { useT } from '../../../lib/i18n/i18n-context';
import { deleteServiceCommand, zeroCommand } from '../../../lib/ipvsadm/ipvsadm-command';
import { navigate, routeHref } from '../../../lib/router/hash-router';
import { servicesQueryOptions } from '../../../lib/table/get-services';
import { serviceTitle } from '../../../lib/table/service-label';
import { serviceId } from '@ipvs-dashboard/shared';
import { useDeleteService } from '../api/delete-service';
import { servicePath } from '../api/paths';
import { useZeroService } from '../api/zero-service';
import { AddServerForm } from './add-server-form';
import { HealthCheckForm } from './health-check-form';
import { PersistenceWarning } from './persistence-warning';
import { RateCharts } from './rate-charts';
import { ServersBoard } from './servers-board';
import { ServicePolicyForm } from './service-policy-form';
import { ServiceSettingsForm } from './service-settings-form';

export function ServicePage({ sid }: { sid: string }) {
  const t = useT();
  const services = useQuery({
    ...servicesQueryOptions(),
    select: (list) => list.find((s) => serviceId(s.key) === sid),
  });
  const remove = useDeleteService(sid);
  const zero = useZeroService(sid);
  const service = services.data;
  if (services.isPending) return <div className="empty">{t('common.loading')}</div>;
  if (!service) {
    return (
      <div className="card empty">
        <p>{t('service.notFound', { id: sid })}</p>
        <a href={routeHref({ screen: 'overview' })}>{t('service.back')}</a>
      </div>
    );
  }
  return (
    <>
      <div className="row">
        <a href={routeHref({ screen: 'overview' })} className="muted">
          ← {t('nav.overview')}
        </a>
      </div>
      <div className="row">
        <h1 className="mono">{serviceTitle(service.key)}</h1>
        <span className="chip">{service.family === 'inet6' ? 'IPv6' : 'IPv4'}</span>
        <span className="chip">{service.scheduler}</span>
        <span className="spacer" />
        <a className="button" href={routeHref({ screen: 'connections', serviceId: sid })}>
          {t('nav.connections')}
        </a>
        <a className="button" href={routeHref({ screen: 'activity', service: sid })}>
          {t('nav.activity')}
        </a>
        <AllowedButton
          request={['POST', `${servicePath(sid)}/zero`]}
          title={zeroCommand(service.key)}
          onClick={() => {
            if (window.confirm(t('service.zeroConfirm', { command: zeroCommand(service.key) })))
              zero.mutate();
          }}
        >
          {t('service.zero')}
        </AllowedButton>
        <AllowedButton
          request={['DELETE', servicePath(sid)]}
          className="danger"
          title={deleteServiceCommand(service.key)}
          onClick={() => {
            if (window.confirm(t('service.deleteConfirm', { command: deleteServiceCommand(service.key) })))
              remove.mutate(undefined, { onSuccess: () => navigate({ screen: 'overview' }) });
          }}
        >
          {t('service.delete')}
        </AllowedButton>
      </div>
      <ActionError error={remove.error ?? zero.error} />
      <ServiceOwnerBanner sid={sid} />
      <PersistenceWarning service={service} />
      <ServersBoard sid={sid} service={service} />
      <RateCharts sid={sid} service={service} />
      <div className="board board-halves">
        <ServiceSettingsForm
          key={JSON.stringify([
            service.scheduler,
            service.schedulerFlags,
            service.persistence,
            service.netmask,
            service.persistenceEngine,
            service.onePacket,
          ])}
          sid={sid}
          service={service}
        />
        <AddServerForm sid={sid} serviceKey={service.key} />
        <ServicePolicyForm sid={sid} servicePort={service.key.protocol === 'fwmark' ? 0 : service.key.port} />
      </div>
      <HealthCheckForm sid={sid} service={service} />
    </>
  );
}
