// A minimal GraphQL client over fetch: POST /graphql with the API key, if one is given, as a bearer token.

const KEY_STORAGE = 'funnelql.apiKey';

/** The API key kept for this browser tab (sessionStorage: it is gone when the tab closes). */
export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) ?? '';
}

export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(KEY_STORAGE, key);
  } else {
    sessionStorage.removeItem(KEY_STORAGE);
  }
}

/** Why a request gave no data: its message is meant for the person looking at the page. */
export class QueryError extends Error {
  constructor(message, { status = 0, classification = '' } = {}) {
    super(message);
    this.name = 'QueryError';
    this.status = status;
    this.classification = classification;
  }

  /** True when the server wants an API key (or a better one). */
  get needsKey() {
    return this.status === 401 || this.status === 403;
  }
}

/**
 * Runs a GraphQL document and answers its `data`. Rejects with a QueryError when the server refuses the request
 * (401/403 with `{"error": ...}`), when the network fails, or when the answer carries errors: their messages
 * (BAD_REQUEST messages say what to change) are joined into one.
 */
export async function graphql(document, variables, { workspace = '' } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  if (workspace) headers['FunnelQL-Workspace'] = workspace;
  let response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) });
  } catch (e) {
    throw new QueryError(`The server cannot be reached (${e.message}). Is FunnelQL running?`);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok && !(body && (body.data || body.errors))) {
    const message = body && body.error ? body.error : `The server answered HTTP ${response.status}.`;
    throw new QueryError(message, { status: response.status });
  }
  if (body.errors && body.errors.length > 0) {
    const messages = [...new Set(body.errors.map((error) => error.message))];
    const classification = body.errors[0].extensions?.classification ?? '';
    throw new QueryError(messages.join(' '), { status: response.status, classification });
  }
  return body.data;
}
