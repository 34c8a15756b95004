import {
  fleetChangeAnswerSchema,
  type FleetChangeAnswer,
  type FleetChangeRequest,
} from '@ipvs-dashboard/shared';
import { apiJson } from '../../../lib/api/api-client';
import { ApiError } from '../../../lib/api/api-error';

/**
 * POST /fleet/changes (docs/api.md "Fleet changes"). A refusal (409 FLEET_CHANGE_REFUSED) is still an
 * answer that says where each director stands: its details are returned like a success's body.
 */
export async function postFleetChange(
  request: FleetChangeRequest,
  dryRun: boolean,
): Promise<FleetChangeAnswer> {
  try {
    return fleetChangeAnswerSchema.parse(
      await apiJson<unknown>('POST', `/fleet/changes${dryRun ? '?dryRun=1' : ''}`, request),
    );
  } catch (error) {
    if (error instanceof ApiError && error.code === 'FLEET_CHANGE_REFUSED') {
      return fleetChangeAnswerSchema.parse(error.details);
    }
    throw error;
  }
}
