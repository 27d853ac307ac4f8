import { useEffect, useState } from 'preact/hooks';

/** A place in the dashboard, read from the address's hash so that the server needs no page routes. */
export type Route =
  | { page: 'list' }
  | { page: 'sign-in'; next: string | undefined }
  | { page: 'agreement'; id: string; params: URLSearchParams }
  | { page: 'review'; id: string }
  | { page: 'public'; id: string; params: URLSearchParams }
  | { page: 'projection'; id: string; publicView: boolean }
  | { page: 'not-found'; path: string };

/**
 * The route of a hash such as `#/agreements/ID?asOf=2023-11-26`, `#/public/ID`, `#/agreements/ID/projection`,
 * `#/agreements/ID/review` or `#/sign-in`.
 */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'list' };
  if (parts[0] === 'sign-in' && parts.length === 1)
    return { page: 'sign-in', next: params.get('next') ?? undefined };
  if (parts[0] === 'agreements' && parts.length === 2) return { page: 'agreement', id: parts[1]!, params };
  if (parts[0] === 'agreements' && parts.length === 3 && parts[2] === 'review')
    return { page: 'review', id: parts[1]! };
  if (parts[0] === 'public' && parts.length === 2) return { page: 'public', id: parts[1]!, params };
  if ((parts[0] === 'agreements' || parts[0] === 'public') && parts.length === 3 && parts[2] === 'projection')
    return { page: 'projection', id: parts[1]!, publicView: parts[0] === 'public' };
  return { page: 'not-found', path };
}

/** The link to an agreement's page (or its public view), with the replay's query. */
export function agreementHref(id: string, publicView = false, params?: URLSearchParams): string {
  const search = params?.toString();
  return `#/${publicView ? 'public' : 'agreements'}/${encodeURIComponent(id)}${search ? `?${search}` : ''}`;
}

/** The link to an agreement's projection panel (or its public view's). */
export function projectionHref(id: string, publicView = false): string {
  return `#/${publicView ? 'public' : 'agreements'}/${encodeURIComponent(id)}/projection`;
}

/** The link to the page that reviews a news report into an agreement's ledger. */
export const reviewHref = (id: string): string => `#/agreements/${encodeURIComponent(id)}/review`;

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Changes the query of the current address without adding a history entry for every slider step. */
export function replaceParams(params: URLSearchParams): void {
  const [path = ''] = location.hash.replace(/^#/, '').split('?');
  const search = params.toString();
  history.replaceState(null, '', `#${path}${search ? `?${search}` : ''}`);
}
