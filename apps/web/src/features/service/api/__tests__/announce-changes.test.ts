import { afterEach, describe, it, vi } from 'vitest';
import { expectAnnounced } from '../../../../testing/expect-announced';
import { destination } from '../../../../testing/fixtures';
import { useAddDestination } from '../add-destination';
import { useDeleteDestination } from '../delete-destination';
import { useDeleteService } from '../delete-service';
import { useQuiesceDestination } from '../quiesce-destination';
import { useUpdateDestination } from '../update-destination';
import { useUpdateService } from '../update-service';
import { useZeroService } from '../zero-service';

const sid = 'tcp:10.0.0.1:80';

describe('service mutations', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('each offers Undo of the change the agent names in X-Change-Id', async () => {
    await expectAnnounced(() => useAddDestination(sid), destination('10.1.0.9'), 'add-destination');
    await expectAnnounced(
      () => useUpdateDestination(sid),
      { did: '10.1.0.9:80', settings: { weight: 3 } },
      'edit-destination',
    );
    await expectAnnounced(() => useDeleteDestination(sid), '10.1.0.9:80', 'delete-destination');
    await expectAnnounced(
      () => useQuiesceDestination(sid),
      { did: '10.1.0.9:80', quiesce: true, expectedWeight: 3 },
      'quiesce',
    );
    await expectAnnounced(
      () => useQuiesceDestination(sid),
      { did: '10.1.0.9:80', quiesce: false, expectedWeight: 3 },
      'unquiesce',
    );
    await expectAnnounced(() => useUpdateService(sid), { scheduler: 'rr' }, 'edit-service');
    await expectAnnounced(() => useZeroService(sid), undefined, 'zero');
    await expectAnnounced(() => useDeleteService(sid), undefined, 'delete-service');
  });
});
