/**
 * Which sentence a Yunxin answer code gets. Each says what to DO (dispatcher or administrator),
 * because "414" alone helps nobody at 3 a.m. Sources: the vendor ECP page (414 variants, 403,
 * HTTP 400) and the server code table (see /work/shared/docs/yunxin-ecp.md). The words themselves
 * are in the catalog (src/shared/i18n/catalog/yunxin.*.ts), both languages side by side.
 */
import type { MessageKey } from '../shared/i18n';

/** Codes from the server code table, with no sub-cases worth distinguishing. */
export const SERVER_CODE_KEYS: Readonly<Record<number, MessageKey>> = {
  301: 'yunxin.code.301',
  302: 'yunxin.code.302',
  315: 'yunxin.code.315',
  403: 'yunxin.code.403',
  404: 'yunxin.code.404',
  405: 'yunxin.code.405',
  406: 'yunxin.code.406',
  408: 'yunxin.code.408',
  413: 'yunxin.code.413',
  415: 'yunxin.code.415',
  416: 'yunxin.code.416',
  417: 'yunxin.code.417',
  418: 'yunxin.code.418',
  419: 'yunxin.code.419',
  422: 'yunxin.code.422',
  431: 'yunxin.code.431',
  500: 'yunxin.code.500',
  503: 'yunxin.code.503',
  514: 'yunxin.code.514',
};
