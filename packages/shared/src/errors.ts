// The error catalogue: every error the agent can return, with its HTTP status and a sentence that says
// what went wrong and what to do. Kernel sentences are ipvsadm's own (libipvs ipvs_strerror).

export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  SERVICE_EXISTS: { status: 409, message: 'Service already exists. Edit it instead, or delete it first.' },
  SERVICE_NOT_FOUND: { status: 404, message: 'Service not defined. Check the protocol, address and port.' },
  DESTINATION_EXISTS: {
    status: 409,
    message: 'Destination already exists in this service. Edit it instead.',
  },
  DESTINATION_NOT_FOUND: { status: 404, message: 'No such destination in this service.' },
  SCHEDULER_NOT_FOUND: {
    status: 400,
    message: 'Scheduler or persistence engine not found. Pick one this kernel has.',
  },
  OUT_OF_RANGE: {
    status: 400,
    message: 'Numerical result out of range. Weights and thresholds must be 0-2147483647, lower <= upper.',
  },
  INVALID_OPERATION: {
    status: 400,
    message: 'Invalid operation. Possibly wrong module version, address not unicast, or a missing setting.',
  },
  ADDRESS_FAMILY_NOT_SUPPORTED: {
    status: 400,
    message: 'Operation not supported with specified address family. Mixed families need tunnelling.',
  },
  DAEMON_EXISTS: { status: 409, message: 'Daemon has already run. Stop it first.' },
  DAEMON_NOT_RUNNING: { status: 404, message: 'No daemon is running in that state.' },
  NO_SUCH_INTERFACE: { status: 400, message: 'No such network interface for the sync daemon.' },
  NOT_FOUND: { status: 404, message: 'Nothing here. Check the address.' },
  CONFLICT: { status: 409, message: 'The table changed since you read it. Reload and try again.' },
  CONFIRMATION_REQUIRED: {
    status: 400,
    message: 'This change removes every service. Send it again with ?confirm=replace-all if that is meant.',
  },
  HELD_BY_HEALTH: {
    status: 409,
    message:
      'The health check still holds this real server out; it returns by itself once the check passes. Fix the server, or set a weight directly to override the check.',
  },
  HELD_BY_DRAIN: {
    status: 409,
    message:
      'This real server is being drained: its weight stays 0 until the drain ends. Cancel the drain first (DELETE .../drain), then unquiesce it or set its weight.',
  },
  DRAIN_RUNNING: {
    status: 409,
    message:
      'This real server is already draining. Follow it with GET .../drain, or cancel it with DELETE .../drain first.',
  },
  DRAIN_NOT_RUNNING: {
    status: 404,
    message: 'No drain is running for this real server. Start one with POST .../drain.',
  },
  CHECK_NOT_SET: { status: 404, message: 'No health check is set here. PUT one first.' },
  CANNOT_UNDO: { status: 400, message: 'This change cannot be undone (counters cannot be restored).' },
  UNAUTHORIZED: { status: 401, message: 'Sign in: open the login URL the agent printed, or send the token.' },
  FORBIDDEN: { status: 403, message: 'This request is not allowed from here.' },
  PERMISSION_DENIED: {
    status: 503,
    message: 'Permission denied: the agent needs CAP_NET_ADMIN (run as root or grant the capability).',
  },
  IPVS_UNAVAILABLE: {
    status: 503,
    message: 'This kernel has no IPVS. Load it with "modprobe ip_vs", or run with --backend simulated.',
  },
  KERNEL_TIMEOUT: { status: 504, message: 'The kernel did not answer in time. Try again.' },
  KERNEL_ERROR: { status: 502, message: 'The kernel refused the change.' },
  PROMETHEUS_NOT_CONFIGURED: {
    status: 404,
    message:
      'This agent keeps 15 minutes of history. For longer ranges start it with --prometheus-url http://<prometheus>:9090 (docs/api.md, "Long history").',
  },
  PROMETHEUS_UNAVAILABLE: {
    status: 502,
    message: 'Prometheus did not answer or answered an error. The live 15 minutes still work.',
  },
  PROMETHEUS_TIMEOUT: {
    status: 504,
    message: 'Prometheus did not answer in time. Try a shorter range; the live 15 minutes still work.',
  },
  PROMETHEUS_NO_SERIES: {
    status: 404,
    message:
      "Prometheus has none of this director's series. Check its scrape config and --prometheus-selector.",
  },
  PEER_UNREACHABLE: {
    status: 502,
    message: 'That director of the fleet did not answer. GET /api/v1/fleet says why for each one.',
  },
  FLEET_CHANGE_REFUSED: {
    status: 409,
    message:
      'The fleet change was not made on every director. The answer says where each director stands and what to do.',
  },
  INTERNAL: { status: 500, message: 'The agent failed unexpectedly. See its log.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** The one wire shape of every error. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown };
}

/** An error with a catalogue code. Each layer may wrap another error as `cause`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** Machine-readable detail, e.g. every problem of a dry run or the rows an undo would overwrite. */
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    message?: string,
    options?: { cause?: unknown; field?: string; details?: unknown },
  ) {
    super(
      message ?? errorCatalogue[code].message,
      options?.cause === undefined ? {} : { cause: options.cause },
    );
    this.name = 'AppError';
    this.code = code;
    this.field = options?.field;
    this.details = options?.details;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}
