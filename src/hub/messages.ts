/**
 * The hub's refusals in words. Route code says which sentence (a catalog key from
 * src/shared/i18n, `hub.*` and the shared input rules) with what in it; every `{ ok: false }`
 * answer carries that as `detail`, and `message` is worded in the language the request asked
 * for with Accept-Language (zh-CN unless it prefers English). A desk can ignore `message` and word
 * `detail` in its own language.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LANGUAGE, formatMessage, isMessage, type Language, type Message } from '../shared/i18n';

/** The first supported language by q-value in an Accept-Language header (`zh*` → zh-CN, `en*` → en). */
export function languageOf(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return DEFAULT_LANGUAGE;
  const ranked = value
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LANGUAGE;
}

/** `{ ok: false, code, message, detail, …extra }` with the given status; `message` is worded on the way out. */
export function fail(reply: FastifyReply, status: number, code: string | number, detail: Message, extra: Record<string, unknown> = {}) {
  return reply.code(status).send({ ok: false, code, message: formatMessage('en', detail), detail, ...extra });
}

/** Words every failure's `message` in the request's language, from its `detail`. */
export function localizeFailures(app: FastifyInstance): void {
  app.addHook('preSerialization', async (req: FastifyRequest, _reply, payload: unknown) => {
    if (typeof payload !== 'object' || payload === null) return payload;
    const p = payload as { ok?: unknown; detail?: unknown };
    if (p.ok !== false || !isMessage(p.detail)) return payload;
    return { ...p, message: formatMessage(languageOf(req.headers['accept-language']), p.detail) };
  });
}
