import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/api-client';

/** A real server quiesced through the agent, and the weight its unquiesce gives back (GET /quiesced). */
export interface QuiescedServer {
  service: string;
  destination: string;
  weight: number;
}

export const quiescedQueryKey = ['quiesced'] as const;

export function quiescedQueryOptions() {
  return queryOptions({
    queryKey: quiescedQueryKey,
    queryFn: () => api.get<QuiescedServer[]>('/quiesced'),
  });
}

/** The weight the agent will give back to `did` of `sid`, or undefined when it remembers none. */
export function rememberedByAgent(
  quiesced: readonly QuiescedServer[] | undefined,
  sid: string,
  did: string,
): number | undefined {
  return quiesced?.find((entry) => entry.service === sid && entry.destination === did)?.weight;
}
