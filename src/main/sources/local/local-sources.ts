/**
 * Today's data: journaled collections in the data folder (see stores/collection-store.ts), the
 * contact book with its number index, cached display order and background warm-up, groups,
 * rosters and the capped call log. Only this folder knows about files; the services see the
 * interfaces in ../.
 */
import { CONTACT_ORDER_TAG } from '../../../shared/contact-order';
import type { Contact } from '../../../shared/domain';
import type { ContactSearchKeys } from '../../../shared/contact-search';
import { computeSearchKeys } from '../../contacts/search-keys';
import { openAppCollections } from '../../stores/app-collections';
import type { DataSources, SourcesOptions } from '../data-sources';
import { createContactBook } from './contact-book';
import { localCallLog } from './local-call-log';
import { localGroups, localRosters } from './local-records';
import { contactsOrderCache } from './order-cache';

export interface LocalSourcesOptions extends SourcesOptions {
  /** Search keys of a contact (tests may count or replace them). */
  computeKeys?(contact: Contact): ContactSearchKeys;
}

export function createLocalSources(dataDir: string, options: LocalSourcesOptions): DataSources {
  const { log } = options;
  const collections = openAppCollections(dataDir, options.onNotice);
  const book = createContactBook({
    collection: collections.contacts,
    computeKeys: options.computeKeys ?? computeSearchKeys,
    log,
    orderCache: contactsOrderCache(dataDir, CONTACT_ORDER_TAG, log),
  });
  const callLog = localCallLog({ collection: collections.callLog, cap: options.callLogCap, now: options.now, log });
  let closed = false;
  return {
    contacts: book,
    groups: localGroups(collections.groups, log),
    rosters: localRosters(collections.rosters, log),
    callLog,
    sessions: callLog,
    close() {
      if (closed) return;
      closed = true;
      book.stop();
      try {
        collections.close();
      } finally {
        // After the close, which may compact: the cached order must match the files as left.
        book.saveOrder();
      }
    },
  };
}
