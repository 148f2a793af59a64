import type { IncomingMessage } from 'node:http';

/** The API takes small forms; anything larger is refused rather than buffered (a benchmark may misbehave). */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** `keep: false` drains the body without holding any of it (an unauthenticated request). */
export async function readBody(req: IncomingMessage, keep = true): Promise<{ text: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BODY_BYTES) tooLarge = true;
    else if (!keep) continue;
    // Keep draining so the client can read our answer, but stop storing.
    else chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge };
}

/** `application/x-www-form-urlencoded`, with or without parameters such as charset, any case. */
export function isFormContentType(value: string | undefined): boolean {
  return (value ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** First value wins for a repeated key, as servlet getParameter does. */
export function parseForm(body: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (!(key in params)) params[key] = value;
  }
  return params;
}

export function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
