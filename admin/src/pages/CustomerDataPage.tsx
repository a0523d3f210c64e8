import { Alert, Box, Button, Field, Flex, Radio, TextInput, Typography } from '@strapi/design-system';
import { Download, Search } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useIntl } from 'react-intl';

import {
  useCustomerDataQuery,
  useEraseCustomerDataMutation,
  useExportCustomerDataMutation,
  type CustomerLookupQuery,
} from '../api/customerDataApi';
import { ConversationTable, OfflineMessageTable } from '../components/customer-data/CustomerDataTables';
import { EraseDialog } from '../components/customer-data/EraseDialog';
import { useErrorToast } from '../hooks/useErrorToast';
import { PERMISSIONS } from '../permissions';
import type { CustomerLookupKind } from '../shared';
import { downloadObjectUrl } from '../utils/download';
import { errorBodyOf } from '../utils/errors';
import { getTranslation } from '../utils/getTranslation';

const LOOKUP_KINDS: CustomerLookupKind[] = ['email', 'phone', 'externalId'];
const INPUT_TYPE: Record<CustomerLookupKind, string> = { email: 'email', phone: 'tel', externalId: 'text' };

const CustomerData = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const showError = useErrorToast();
  const text = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);

  const [kind, setKind] = useState<CustomerLookupKind>('email');
  const [value, setValue] = useState('');
  const [lookup, setLookup] = useState<CustomerLookupQuery | null>(null);
  // Every search is logged on the server: asked once per submit, not again from the cache on return.
  // `currentData`: never the previous customer's rows under a new search.
  const { currentData: found, isFetching, error } = useCustomerDataQuery(lookup ?? { kind, value: '' }, {
    skip: lookup === null,
    refetchOnMountOrArgChange: true,
  });
  const [exportData, { isLoading: exporting }] = useExportCustomerDataMutation();
  const [erase, { isLoading: erasing }] = useEraseCustomerDataMutation();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() !== '') setLookup({ kind, value: value.trim() });
  };

  const exportFound = async () => {
    if (!lookup) return;
    try {
      downloadObjectUrl(await exportData(lookup).unwrap(), `live-support-customer-data-${new Date().toISOString().slice(0, 10)}.json`);
    } catch (exportError) {
      showError(exportError, { id: 'customerData.export.error', defaultMessage: 'The data could not be exported.' });
    }
  };

  const eraseFound = async () => {
    if (!lookup) return;
    try {
      const counts = await erase(lookup).unwrap();
      toggleNotification({
        type: 'success',
        message: text('customerData.erase.done', 'Erased: {conversations} conversations, {offlineMessages} offline messages.', {
          conversations: counts.conversations,
          offlineMessages: counts.offlineMessages,
        }),
      });
    } catch (eraseError) {
      showError(eraseError, { id: 'customerData.erase.error', defaultMessage: 'The data could not be erased.' });
    }
  };

  const title = text('customerData.title', 'Customer data');
  const labels: Record<CustomerLookupKind, string> = {
    email: text('customerData.lookup.email', 'Email'),
    phone: text('customerData.lookup.phone', 'Phone'),
    externalId: text('customerData.lookup.externalId', 'External id'),
  };
  const nothingFound = found !== undefined && found.conversations.length === 0 && found.offlineMessages.length === 0;
  const open = found?.openConversationIds ?? [];
  const blockedBy =
    open.length > 0
      ? text('customerData.erase.blocked', 'Conversation {ids} is still going on: end it before erasing.', {
          ids: open.map((id) => `#${id}`).join(', '),
        })
      : null;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={text(
          'customerData.subtitle',
          'Find a customer’s conversations and offline messages, export them or erase them. Every search, export and erasure is logged, without the data itself.',
        )}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
            <form onSubmit={submit} aria-label={text('customerData.search.label', 'Find a customer')} data-testid="customer-data-search">
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Field.Root name="customer-data-kind">
                  <Field.Label>{text('customerData.lookup.by', 'Find by')}</Field.Label>
                  <Radio.Group
                    aria-label={text('customerData.lookup.by', 'Find by')}
                    value={kind}
                    onValueChange={(next: string) => setKind(next as CustomerLookupKind)}
                  >
                    <Flex gap={4}>
                      {LOOKUP_KINDS.map((option) => (
                        <Radio.Item key={option} value={option} data-testid={`customer-data-by-${option}`}>
                          {labels[option]}
                        </Radio.Item>
                      ))}
                    </Flex>
                  </Radio.Group>
                </Field.Root>
                <Flex gap={4} alignItems="flex-end">
                  <Box flex="1">
                    <Field.Root
                      name="customer-data-value"
                      hint={text('customerData.lookup.hint', 'An exact match: emails whatever their case, phones by their digits.')}
                    >
                      <Field.Label>{labels[kind]}</Field.Label>
                      <TextInput
                        type={INPUT_TYPE[kind]}
                        value={value}
                        autoComplete="off"
                        data-testid="customer-data-value"
                        onChange={(event: ChangeEvent<HTMLInputElement>) => setValue(event.target.value)}
                      />
                      <Field.Hint />
                    </Field.Root>
                  </Box>
                  <Button type="submit" startIcon={<Search />} loading={isFetching} data-testid="customer-data-submit">
                    {text('customerData.search', 'Search')}
                  </Button>
                </Flex>
              </Flex>
            </form>
          </Box>

          {error ? (
            <Alert variant="danger" closeLabel={text('customerData.close', 'Close')} title={text('customerData.search.error', 'The search failed.')}>
              {errorBodyOf(error)?.message ?? ''}
            </Alert>
          ) : null}

          {found && lookup ? (
            <Flex direction="column" alignItems="stretch" gap={4} tag="section" aria-labelledby="customer-data-results-title">
              <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
                <Typography variant="delta" tag="h2" id="customer-data-results-title" data-testid="customer-data-summary">
                  {text('customerData.found', '{conversations} conversations, {offlineMessages} offline messages', {
                    conversations: found.conversations.length,
                    offlineMessages: found.offlineMessages.length,
                  })}
                </Typography>
                <Flex gap={2}>
                  <Button
                    variant="secondary"
                    startIcon={<Download />}
                    loading={exporting}
                    disabled={nothingFound}
                    onClick={() => void exportFound()}
                    data-testid="customer-data-export"
                  >
                    {text('customerData.export', 'Export JSON')}
                  </Button>
                  <EraseDialog
                    conversations={found.conversations.length}
                    offlineMessages={found.offlineMessages.length}
                    blockedBy={blockedBy}
                    erasing={erasing}
                    onConfirm={() => void eraseFound()}
                  />
                </Flex>
              </Flex>
              {blockedBy ? (
                <Typography tag="p" textColor="danger600" data-testid="customer-data-open">
                  {blockedBy}
                </Typography>
              ) : null}
              {nothingFound ? (
                <Typography tag="p" textColor="neutral600" data-testid="customer-data-empty">
                  {text('customerData.empty', 'No conversation or offline message holds this identifier.')}
                </Typography>
              ) : null}
              {found.conversations.length > 0 ? <ConversationTable rows={found.conversations} /> : null}
              {found.offlineMessages.length > 0 ? <OfflineMessageTable rows={found.offlineMessages} /> : null}
            </Flex>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** The Customer data page: only for those who may change the settings. */
export const CustomerDataPage = () => (
  <Page.Protect permissions={PERMISSIONS.settings}>
    <CustomerData />
  </Page.Protect>
);
