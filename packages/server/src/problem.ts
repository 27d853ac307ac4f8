import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An RFC 9457 problem document. `type` is a URI naming the kind of problem; `errors` lists validation issues. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly unknown[];
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
  504: 'Request timed out',
};

/** A problem response: `application/problem+json`, with the request path as `instance`. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  detail: string,
  extra: { type?: string; errors?: readonly unknown[] } = {},
): Response {
  const body: Problem = {
    type: extra.type ?? 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance: c.req.path,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}
