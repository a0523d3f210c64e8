import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { z } from 'zod';

import { errorCodeOf, type ErrorCode } from './contracts/error-codes';
import type { ErrorBody, ErrorDetails } from './contracts/views';
import { TransitionError } from './domain/conversation-state';
import { SeatLimitError } from './domain/seats';

/** Strapi's error classes, with `details.code` held to the plugin's known error codes. */
type CodedError<Instance> = new (message: string, details?: ErrorDetails) => Instance;
export const ValidationError = errors.ValidationError as CodedError<errors.ValidationError<string, ErrorDetails>>;
export const NotFoundError = errors.NotFoundError as CodedError<errors.NotFoundError<string, ErrorDetails>>;
export const PayloadTooLargeError = errors.PayloadTooLargeError as CodedError<errors.PayloadTooLargeError<string, ErrorDetails>>;
export const RateLimitError = errors.RateLimitError as CodedError<errors.RateLimitError<string, ErrorDetails>>;

function httpError(status: number, message: string, details: ErrorDetails): Error {
  const error = createHttpError(status, message) as Error & { details?: ErrorDetails };
  error.details = details;
  return error;
}

/** 409: the conversation is not in a state that allows the action. Strapi has no class for it. */
export function conflict(message: string, details: ErrorDetails): Error {
  return httpError(409, message, details);
}

/**
 * 403 and 401 as plain HTTP errors: Strapi's route wrapper turns its own ForbiddenError and
 * UnauthorizedError into a bare "Forbidden"/"Unauthorized", dropping the message and details
 * that tell a client what went wrong.
 */
export function forbidden(message: string, details: ErrorDetails = {}): Error {
  return httpError(403, message, details);
}

export function unauthorized(message: string, details: ErrorDetails = {}): Error {
  return httpError(401, message, details);
}

/** The known `details.code` a thrown error carries, if any. */
export function codeOfError(error: unknown): ErrorCode | null {
  if (typeof error !== 'object' || error === null) return null;
  return errorCodeOf(error as { details?: Record<string, unknown> });
}

export function conflictFromDomain(error: unknown): unknown {
  if (error instanceof TransitionError) {
    return conflict(error.message, { code: error.code, from: error.from, action: error.action });
  }
  if (error instanceof SeatLimitError) {
    return conflict(error.message, { code: error.code, activeChats: error.activeChats, maxSeats: error.maxSeats });
  }
  return error;
}

/** Parses input with a zod schema or throws Strapi's ValidationError naming each failing path. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
    name: 'ValidationError',
  }));
  const first = issues[0];
  const message = first ? `${first.path.length > 0 ? `${first.path.join('.')}: ` : ''}${first.message}` : 'Invalid input';
  throw new errors.ValidationError(message, { errors: issues });
}

/** A socket event sent with more than one payload argument: refused as a whole, like an invalid payload. */
export function oneInputOnly(received: number): errors.ValidationError {
  const message = `an event carries one payload, not ${received}`;
  return new errors.ValidationError(message, { errors: [{ path: [], message, name: 'ValidationError' }] });
}

const STATUS_BY_ERROR: Array<[new (...args: never[]) => Error, number]> = [
  [errors.ValidationError, 400],
  [errors.UnauthorizedError, 401],
  [errors.ForbiddenError, 403],
  [errors.PolicyError, 403],
  [errors.NotFoundError, 404],
  [errors.PayloadTooLargeError, 413],
  [errors.RateLimitError, 429],
];

/**
 * The error body a REST client would get for this error, for socket acknowledgements.
 * Unexpected errors are reported without their internals.
 */
export function toErrorBody(error: unknown): ErrorBody {
  const mapped = conflictFromDomain(error);
  if (createHttpError.isHttpError(mapped)) {
    const httpError = mapped as createHttpError.HttpError & { details?: ErrorDetails };
    return { status: httpError.status, name: httpError.name, message: httpError.message, details: httpError.details ?? {} };
  }
  if (mapped instanceof errors.ApplicationError) {
    const status = STATUS_BY_ERROR.find(([ErrorClass]) => mapped instanceof ErrorClass)?.[1] ?? 400;
    return { status, name: mapped.name, message: mapped.message, details: (mapped.details as ErrorDetails) ?? {} };
  }
  return { status: 500, name: 'InternalServerError', message: 'Internal Server Error', details: {} };
}
