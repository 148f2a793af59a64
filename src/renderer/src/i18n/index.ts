/** The renderer formats with the one catalog in src/shared/i18n, shared with main's CSV exports. */
export { formatMessage, loadCatalog, msg, translate, type Message, type MessageKey, type ParamArgs, type PlainKey } from '../../../shared/i18n';
