import type { ErrorBody } from '../types';

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ErrorBody).status === 'number' &&
  typeof (value as ErrorBody).message === 'string' &&
  // The admin's fetchBaseQuery names a failure without a Strapi error body `UnknownError`.
  (value as ErrorBody).name !== 'UnknownError';

/** The Strapi error body of a failed request, if there is one (the admin's RTK Query hands it over as the error). */
export const errorBodyOf = (error: unknown): ErrorBody | undefined => (isErrorBody(error) ? error : undefined);

export const newClientId = () =>
  `d-${typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`}`;
