/** One error type for the whole app: an HTTPException carrying `{ "error": { "code", "message" } }`. */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function apiError(status: ContentfulStatusCode, code: string, message: string): HTTPException {
  const res = new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  });
  return new HTTPException(status, { res, message });
}
