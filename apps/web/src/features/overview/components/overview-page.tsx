import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AllowedButton } from '../../../components/allowed-button';
import { ActionError } from '../../../components/error-text';
import { TableOwnersBanner } from '../../../components/owner-banner';
import { useT } from '../../../lib/i18n/i18n-context';
import { servicesQueryOptions } from '../../../lib/table/get-services';
import { serviceId } from '@ipvs-dashboard/shared';
import { CreateServiceForm } from './create-service-form';
import { ServicesTable } from './services-table';
import { TotalsBar } from './totals-bar';

export function OverviewPage() {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const services = useQuery(servicesQueryOptions());
  return (
    <>
      <div className="row">
        <h1>{t('overview.title')}</h1>
        <span className="spacer" />
        {!creating && (
          <AllowedButton
            request={['POST', '/services']}
            className="primary"
            onClick={() => setCreating(true)}
          >
            {t('create.open')}
          </AllowedButton>
        )}
      </div>
      {services.error && <ActionError error={services.error} />}
      <TableOwnersBanner serviceIds={(services.data ?? []).map((s) => serviceId(s.key))} />
      <TotalsBar services={services.data ?? []} />
      {creating && <CreateServiceForm onDone={() => setCreating(false)} />}
      <ServicesTable services={services.data ?? []} />
    </>
  );
}
