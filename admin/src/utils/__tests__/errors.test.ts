import { errorBodyOf } from '../errors';

const body = { status: 409, name: 'ApplicationError', message: 'Already claimed', details: { code: 'ALREADY_CLAIMED' } };

describe('the error body of a failed request', () => {
  it('is the error itself from the admin’s RTK Query', () => {
    expect(errorBodyOf(body)).toEqual(body);
  });

  it('is missing when the server sent no Strapi error body', () => {
    expect(errorBodyOf({ name: 'UnknownError', message: 'Network Error', status: 502 })).toBeUndefined();
    expect(errorBodyOf({ name: 'TypeError', message: 'Failed to fetch' })).toBeUndefined();
    expect(errorBodyOf(null)).toBeUndefined();
  });
});
