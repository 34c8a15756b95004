import type { QueryClient } from '@tanstack/react-query';
import type { Destination, ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { destinationId, serviceId } from '@ipvs-dashboard/shared';
import { servicesQueryKey } from './get-services';

// Optimistic updates for the changes a user waits on (weight, quiesce): patch the cached table at once,
// hand back the previous table so onError can put it back.
export type TableSnapshot = ServiceWithDestinations[] | undefined;

export async function patchCachedDestination(
  queryClient: QueryClient,
  sid: string,
  did: string,
  patch: Partial<Destination>,
): Promise<TableSnapshot> {
  await queryClient.cancelQueries({ queryKey: servicesQueryKey });
  const previous = queryClient.getQueryData<ServiceWithDestinations[]>(servicesQueryKey);
  queryClient.setQueryData<ServiceWithDestinations[]>(servicesQueryKey, (services) =>
    services?.map((service) =>
      serviceId(service.key) !== sid
        ? service
        : {
            ...service,
            destinations: service.destinations.map((destination) =>
              destinationId(destination) === did ? { ...destination, ...patch } : destination,
            ),
          },
    ),
  );
  return previous;
}

export function restoreTable(queryClient: QueryClient, previous: TableSnapshot): void {
  if (previous) queryClient.setQueryData(servicesQueryKey, previous);
}
