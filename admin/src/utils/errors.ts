import type { ErrorBody } from '../types';

/** The Strapi error body of a failed `useFetchClient` request, if there is one. */
export const errorBodyOf = (error: unknown): ErrorBody | undefined => {
  const body = (error as { response?: { data?: { error?: ErrorBody } } } | null)?.response?.data?.error;
  return body && typeof body === 'object' ? body : undefined;
};

export const newClientId = () =>
  `d-${typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`}`;
