import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeRecord } from '../../../../testing/change-fixtures';
import { requestsOf, stubFetch } from '../../../../testing/fetch-stub';
import { serviceChangesOptions } from '../get-service-changes';

describe('get-service-changes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks for the service's changes since the window's start and marks each at its time with its summary", async () => {
    const fetch = stubFetch(() => ({ status: 200, body: { items: [changeRecord()], next: null } }));
    const markers = await new QueryClient().fetchQuery(serviceChangesOptions('tcp:10.0.0.1:80', 1_000));
    expect(requestsOf(fetch)).toEqual([
      'GET /api/v1/changes?service=tcp%3A10.0.0.1%3A80&since=1000&limit=100',
    ]);
    expect(markers).toEqual([
      {
        id: 'c-0002',
        at: changeRecord().at,
        text: 'Quiesced 10.1.0.1:80 in tcp:10.0.0.1:80 (weight 5 -> 0)',
      },
    ]);
  });
});
