import { Page } from '@strapi/strapi/admin';

import { useDeskActivity } from '../hooks/useDeskActivity';

/** The page title with the number of waiting customers in front, so a background tab shows it. */
export const DeskTitle = ({ children }: { children: string }) => {
  const { waitingCount } = useDeskActivity();
  return <Page.Title>{waitingCount ? `(${waitingCount}) ${children}` : children}</Page.Title>;
};
