import { ADMIN_API_BASE } from '../shared';
import type { CustomerDataSearchResult, CustomerLookupKind, PersonalDataCounts } from '../shared';

import { liveSupportBase } from './base';

/** A customer as the Customer data page names them: one identifier and its value. */
export interface CustomerLookupQuery {
  kind: CustomerLookupKind;
  value: string;
}

const CUSTOMER_DATA_TAG = 'LiveSupportCustomerData';
const url = (path: string) => `${ADMIN_API_BASE}${path}`;
const paramsOf = ({ kind, value }: CustomerLookupQuery) => ({ [kind]: value });

/**
 * The Customer data page's endpoints, beside the desk's (`liveSupportApi.ts`): a search, its
 * export as a JSON file, and the erasure, which makes the shown search stale.
 */
const customerDataApi = liveSupportBase.enhanceEndpoints({ addTagTypes: [CUSTOMER_DATA_TAG] }).injectEndpoints({
  endpoints: (build) => ({
    getLiveSupportCustomerData: build.query<CustomerDataSearchResult, CustomerLookupQuery>({
      query: (lookup) => ({ url: url('/customer-data'), method: 'GET', config: { params: paramsOf(lookup) } }),
      transformResponse: (response: { data: CustomerDataSearchResult }) => response.data,
      providesTags: [CUSTOMER_DATA_TAG],
    }),
    /** The customer's data as a JSON file; the answer is an object URL to download (the caller revokes it). */
    exportLiveSupportCustomerData: build.mutation<string, CustomerLookupQuery>({
      query: (lookup) => ({
        url: url('/customer-data/export'),
        method: 'GET',
        config: { params: paramsOf(lookup), responseType: 'blob' },
      }),
      transformResponse: (file: Blob) => URL.createObjectURL(file),
    }),
    eraseLiveSupportCustomerData: build.mutation<PersonalDataCounts, CustomerLookupQuery>({
      query: (lookup) => ({ url: url('/customer-data/erase'), method: 'POST', data: paramsOf(lookup) }),
      transformResponse: (response: { data: PersonalDataCounts }) => response.data,
      invalidatesTags: [CUSTOMER_DATA_TAG],
    }),
  }),
});

export const {
  useGetLiveSupportCustomerDataQuery: useCustomerDataQuery,
  useExportLiveSupportCustomerDataMutation: useExportCustomerDataMutation,
  useEraseLiveSupportCustomerDataMutation: useEraseCustomerDataMutation,
} = customerDataApi;
