import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ServiceWithDestinations } from '@ipvs-dashboard/shared';
import { AppProvider } from '../app/provider';
import { servicesQueryKey } from '../lib/table/get-services';

/** Render with a fresh QueryClient (optionally seeded with a table) and no live socket. */
export function renderWithProviders(ui: ReactElement, table?: ServiceWithDestinations[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  if (table) queryClient.setQueryData(servicesQueryKey, table);
  return {
    queryClient,
    ...render(
      <AppProvider queryClient={queryClient} feed={null}>
        {ui}
      </AppProvider>,
    ),
  };
}

/** A fetch that answers from a list of handlers; unanswered requests fail the test loudly. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
