import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '@ipvs-dashboard/shared';

/** Turns anything thrown below into the one wire shape; only unexpected failures become 500 INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { type?: string; status?: number; message?: string };
  // body-parser marks its own failures (bad JSON, too large, bad charset) with a 4xx status and a type.
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.type === 'string') {
    const message =
      e.type === 'entity.parse.failed'
        ? 'The body is not valid JSON.'
        : e.type === 'entity.too.large'
          ? 'The body is too large.'
          : `The body could not be read (${e.type}).`;
    return new AppError('VALIDATION_FAILED', message, { field: 'body', cause: error });
  }
  // Express marks a malformed %-escape in the path (URIError) with status 400.
  if (error instanceof URIError || (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)) {
    return new AppError('VALIDATION_FAILED', 'The address holds a malformed %-escape or is not valid.', {
      field: 'path',
      cause: error,
    });
  }
  return new AppError('INTERNAL', undefined, { cause: error });
}

export function errorHandler(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') log(`${request.method} ${request.originalUrl} failed`, error);
    if (response.headersSent) return;
    response.status(appError.status).json(appError.toBody());
  };
}

export const apiNotFound: RequestHandler = (request, _response, next) => {
  next(new AppError('NOT_FOUND', `No API route ${request.method} ${request.path}. See docs/api.md.`));
};
