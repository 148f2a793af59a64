/**
 * Every answer the simulator can give, in one place, each with how sure we are that the real
 * server says exactly this. Tags as in docs/yunxin-ecp.md: [doc] the vendor page, [src] another
 * public source, [inf] inferred — a client must not depend on the exact wording of those.
 */

export interface Answer {
  httpStatus: number;
  contentType: string;
  body: string;
  /** The Yunxin code, for recording; absent for non-JSON answers. */
  code?: number;
}

const JSON_TYPE = 'application/json;charset=utf-8';
const HTML_TYPE = 'text/html;charset=utf-8';

/** Key order mirrors the vendor page's samples (some put desc first, some code first). */
function json(code: number, body: Record<string, unknown>): Answer {
  return { httpStatus: 200, contentType: JSON_TYPE, body: JSON.stringify(body), code };
}

function badParam(name: string): Answer {
  return json(414, { code: 414, msg: `bad param '${name}'` });
}

export const answers = {
  /** [doc] one of AppKey/Nonce/CurTime/CheckSum missing or malformed. */
  badHeader: (): Answer => json(414, { desc: 'bad http header', code: 414 }),
  /** [doc] */
  checksum: (): Answer => json(414, { desc: 'checksum', code: 414 }),
  /** [src: Yunxin 接口概述 page] clock skew beyond the validity window, either direction. */
  curTimeExpired: (): Answer => json(414, { desc: 'CurTime is expired', code: 414 }),
  /**
   * [src, weak: a public Java integration's YunXinStatusCode enum lists {"desc":"appkey","code":414}
   * next to checksum/CurTime] unknown AppKey. Clients should treat any 414/403 here as "bad app key".
   */
  unknownAppKey: (): Answer => json(414, { desc: 'appkey', code: 414 }),
  /** [doc] callerAcc not registered; [inf] the same shape for caller, callee, maxDur, session, type, accids. */
  badParam,
  /** [inf] code 419 = "quantity over limit" in the server table; the wording is invented. */
  tooManyCallees: (max: number): Answer => json(419, { code: 419, msg: `callee count exceed ${max}` }),
  /** [inf] 404 = "object does not exist" in the server table; the wording is invented. */
  sessionNotFound: (): Answer => json(404, { code: 404, desc: 'session not exist' }),
  /** [src: nxxniubility/oa reads obj.session when code == 200] exact shape [inf]. */
  sessionCreated: (session: string): Answer => json(200, { code: 200, obj: { session } }),
  ok: (extra: Record<string, unknown>): Answer => json(200, { code: 200, ...extra }),
  /** Forced by a 'code' fault: lets a test play any row of the server code table (416, 417, 503…). */
  forcedCode: (code: number, text: { desc?: string; msg?: string }): Answer => {
    const body: Record<string, unknown> = { code };
    if (text.desc !== undefined) body.desc = text.desc;
    if (text.msg !== undefined) body.msg = text.msg;
    return json(code, body);
  },
  /** A 200 whose obj lacks the session: the client must not invent success. */
  noSession: (): Answer => json(200, { code: 200, obj: {} }),
  /** Cut mid-object, as a broken proxy might. */
  badJson: (): Answer => ({ httpStatus: 200, contentType: JSON_TYPE, body: '{"code":200,"obj":{"session":' }),
  /** [doc] "HTTP Status 400": the real server (Tomcat-style page) when body and URL do not match. */
  httpBadRequest: (): Answer => html(400, 'HTTP Status 400 – Bad Request'),
  notFound: (): Answer => html(404, 'HTTP Status 404 – Not Found'),
  /** What a gateway in front of the API answers when the backend is down or overloaded. */
  gateway502: (): Answer => html(502, '502 Bad Gateway'),
  gateway503: (): Answer => html(503, '503 Service Temporarily Unavailable'),
};

function html(status: number, title: string): Answer {
  return {
    httpStatus: status,
    contentType: HTML_TYPE,
    body: `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>`,
  };
}
