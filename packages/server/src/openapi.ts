import { z } from 'zod';
import { ProjectionAnswer } from './projection-answer.ts';
import {
  AgreementListResponse,
  AgreementResponse,
  AppendResponse,
  AuditResponse,
  EventsPageResponse,
  ExplainResponse,
  HealthResponse,
  PublicResponse,
  SessionResponse,
  SignedInResponse,
  StatusResponse,
  TokenListResponse,
  TokenMadeResponse,
  UserResponse,
  VersionResponse,
} from './responses.ts';
import { ExtractResponse, ReviewResponse } from './review-responses.ts';
import {
  AppendBody,
  AuditQuery,
  EventBody,
  EventsQuery,
  ExtractBody,
  LoginBody,
  ProjectionBody,
  PublicBody,
  ReviewBody,
  StatusQuery,
  StreamQuery,
  TokenBody,
  UserBody,
} from './schemas.ts';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

/** A query object's properties as OpenAPI query parameters. */
function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = schemaOf(schema) as { properties?: Record<string, JsonSchema> };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'The agreement id.',
};
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const errors = {
  '400': problemResponse('A bad query or body (RFC 9457; `errors` lists each issue).'),
  '401': problemResponse('No token, or a bad one, for something that needs one.'),
  '403': problemResponse('The token’s role may not do this.'),
  '404': problemResponse('No such agreement.'),
};
const json = (schema: JsonSchema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const text = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: { type: 'string' } } },
});

let cached: JsonSchema | undefined;

/** The OpenAPI 3.1 document of the API, generated from the zod schemas that validate its requests. */
export function openApiDocument(): JsonSchema {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Truce API',
      version: '0.1.0',
      description:
        'Agreements, their ledgers and where they stand. Anonymous callers read agreements opened to the public; ' +
        'others send `Authorization: Bearer <token>` with the role viewer (read), editor (read and record) or admin ' +
        '(also tokens, public access and the audit trail). Person-level fields reach editors and admins only. ' +
        'Errors are RFC 9457 problem documents.',
    },
    components: {
      securitySchemes: {
        token: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'truce_session' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: { type: 'array', items: { type: 'object' } },
          },
        },
        Event: schemaOf(EventBody),
        Status: schemaOf(StatusResponse),
      },
    },
    security: [{}, { token: [] }, { session: [] }],
    paths: {
      '/api/health': {
        get: {
          summary: 'Whether the server answers (for load balancers and probes)',
          responses: { '200': json(schemaOf(HealthResponse), '`{ "ok": true }`.') },
        },
      },
      '/api/agreements': {
        get: {
          summary: 'The agreements the caller may read',
          responses: { '200': json(schemaOf(AgreementListResponse), 'The list.') },
        },
      },
      '/api/agreements/{id}': {
        get: {
          summary: 'An agreement: its latest document and its versions',
          parameters: [idParam],
          responses: { '200': json(schemaOf(AgreementResponse), 'The agreement.'), ...errors },
        },
      },
      '/api/agreements/{id}/versions/{version}': {
        get: {
          summary: 'One stored version of an agreement',
          parameters: [
            idParam,
            { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          ],
          responses: { '200': json(schemaOf(VersionResponse), 'The version.'), ...errors },
        },
      },
      '/api/agreements/{id}/status': {
        get: {
          summary: 'Where the agreement stands (the status JSON of docs/status-json.md)',
          parameters: [idParam, ...queryParameters(StatusQuery)],
          responses: { '200': json({ $ref: '#/components/schemas/Status' }, 'The status.'), ...errors },
        },
      },
      '/api/agreements/{id}/explain/{obligation}': {
        get: {
          summary: 'Why an obligation stands where it does (the JSON of `truce explain --json`)',
          parameters: [
            idParam,
            { name: 'obligation', in: 'path', required: true, schema: { type: 'string' } },
            ...queryParameters(StatusQuery),
          ],
          responses: {
            '200': json(
              schemaOf(ExplainResponse),
              '`obligation` (its status entry) and `explanation`, lines of text.',
            ),
            ...errors,
          },
        },
      },
      '/api/agreements/{id}/projection': {
        post: {
          summary: 'A seeded Monte Carlo projection (the JSON of `truce project --json`); writes nothing',
          description:
            'Viewer or above, or anyone on a public agreement. The runs go on worker threads and stop at the ' +
            'request time limit (504). The same body gives byte-identical JSON. With `compare`, the answer is ' +
            '`{ assumptions, proposals: [...] }`, the agreement first; otherwise `{ assumptions, ...projection }`. ' +
            '`assumptions` are those used, with every default filled in.',
          parameters: [idParam],
          requestBody: {
            required: false,
            content: { 'application/json': { schema: schemaOf(ProjectionBody) } },
          },
          responses: {
            '200': json(schemaOf(ProjectionAnswer), 'The projection.'),
            '504': problemResponse('The runs did not finish within the request time limit.'),
            ...errors,
          },
        },
      },
      '/api/agreements/{id}/stream': {
        get: {
          summary: 'Server-sent events: a `status` event now and whenever the ledger changes',
          description:
            'Each `status` event carries the status JSON evaluated at that moment; its `id` is the ledger’s length.',
          parameters: [idParam, ...queryParameters(StreamQuery)],
          responses: { '200': text('text/event-stream', 'The stream.'), ...errors },
        },
      },
      '/api/agreements/{id}/events': {
        get: {
          summary: 'The stored events, in the order recorded, a page at a time',
          parameters: [idParam, ...queryParameters(EventsQuery)],
          responses: {
            '200': json(
              schemaOf(EventsPageResponse),
              '`events` ({ seq, event }) and `next`, the cursor of the next page or null.',
            ),
            ...errors,
          },
        },
        post: {
          summary: 'Record events (editor): one event, or { events: [...] }, all or nothing',
          description:
            'A retry never duplicates: an event whose id is already stored with the same content is skipped. ' +
            'With an `Idempotency-Key` header, events sent without an id get one derived from the key.',
          parameters: [
            idParam,
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { oneOf: [{ $ref: '#/components/schemas/Event' }, schemaOf(AppendBody)] },
              },
            },
          },
          responses: {
            '201': json(
              schemaOf(AppendResponse),
              'Recorded: `appended` ({ id, seq, hash }) and `skipped` ids.',
            ),
            '200': json(schemaOf(AppendResponse), 'Every event was already stored.'),
            '413': problemResponse('The body is too large.'),
            '415': problemResponse('The body is not JSON.'),
            '422': problemResponse('The store refused the events; `errors` names each.'),
            ...errors,
          },
        },
      },
      '/api/agreements/{id}/review': {
        post: {
          summary:
            'Record a reviewed report’s candidates (editor): accepted, edited and noted ones, all or none',
          description:
            'The report is read again as `/api/extract` reads it and candidates are numbered from 1 in that order. ' +
            'Each accepted, edited or noted candidate becomes the event `truce review` would make, with the report ' +
            'as its source and an id derived from its content: a retry, or the same report reviewed from the CLI, ' +
            'records nothing new (`already recorded`). Every decision is checked before anything is written.',
          parameters: [idParam],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(ReviewBody) } },
          },
          responses: {
            '201': json(schemaOf(ReviewResponse), 'Something was recorded: what became of each candidate.'),
            '200': json(schemaOf(ReviewResponse), 'Nothing new was recorded (a retry, or all rejected).'),
            '413': problemResponse('The body is larger than 10 MB.'),
            '415': problemResponse('The body is not JSON.'),
            '422': problemResponse(
              'Nothing was recorded: `errors` names each decision that cannot be taken (`path` into `decisions`, `candidate`, `message`).',
            ),
            ...errors,
          },
        },
      },
      '/api/agreements/{id}/export.jsonl': {
        get: {
          summary: 'The ledger as JSON Lines',
          parameters: [idParam],
          responses: { '200': text('application/jsonl', 'The ledger.'), ...errors },
        },
      },
      '/api/agreements/{id}/export.csv': {
        get: {
          summary: 'The ledger as CSV',
          parameters: [idParam],
          responses: { '200': text('text/csv', 'The ledger.'), ...errors },
        },
      },
      '/api/agreements/{id}/export.ics': {
        get: {
          summary: 'The upcoming deadlines as iCalendar',
          parameters: [idParam],
          responses: { '200': text('text/calendar', 'The deadlines.'), ...errors },
        },
      },
      '/api/extract': {
        post: {
          summary: 'Read a news report into candidate events and claims (viewer; writes nothing)',
          description:
            'The JSON of `truce extract --json`: the plain text, notes and candidates with every span. With ' +
            '`agreement`, `proposals` gives each candidate’s proposed ledger event for that agreement. Bodies ' +
            'may be up to 10 MB here (1 MiB elsewhere). Nothing is fetched from `url`.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(ExtractBody) } },
          },
          responses: {
            '200': json(schemaOf(ExtractResponse), 'The extraction.'),
            '413': problemResponse('The body is larger than 10 MB.'),
            '415': problemResponse('The body is not JSON.'),
            ...errors,
          },
        },
      },
      '/api/agreements/{id}/public': {
        put: {
          summary: 'Open an agreement to the public, read-only, or close it (admin)',
          parameters: [idParam],
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(PublicBody) } } },
          responses: { '200': json(schemaOf(PublicResponse), 'Done.'), ...errors },
        },
      },
      '/api/tokens': {
        get: {
          summary: 'The API tokens (admin): ids, names, roles, when made and revoked; never the tokens',
          responses: { '200': json(schemaOf(TokenListResponse), 'Oldest first.'), ...errors },
        },
        post: {
          summary: 'Make an API token (admin); the token is shown once',
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(TokenBody) } } },
          responses: {
            '201': json(schemaOf(TokenMadeResponse), '`token`, to send as a bearer token.'),
            ...errors,
          },
        },
      },
      '/api/tokens/{tokenId}': {
        delete: {
          summary: 'Revoke an API token (admin): it is refused from then on',
          description:
            'Revoking a revoked token changes nothing. The revocation is recorded in the audit trail.',
          parameters: [
            {
              name: 'tokenId',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              description: 'Its id.',
            },
          ],
          responses: {
            '204': { description: 'Revoked.' },
            ...errors,
            '404': problemResponse('No token has that id.'),
          },
        },
      },
      '/api/session': {
        get: {
          summary: 'Who is calling: name, role and, for a web session, its CSRF token',
          responses: {
            '200': json(schemaOf(SessionResponse), '`name`, `role` (null when anonymous) and `csrf`.'),
          },
        },
        post: {
          summary: 'Sign in: sets an HttpOnly, SameSite=Strict session cookie',
          description:
            'Writes made with the cookie must send the returned `csrf` in the `X-CSRF-Token` header. ' +
            'Repeated failures from one address or for one email are answered 429 for a while.',
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(LoginBody) } } },
          responses: {
            '201': json(schemaOf(SignedInResponse), '`email`, `role` and `csrf`.'),
            '429': problemResponse('Too many failed sign-ins; see Retry-After.'),
            ...errors,
          },
        },
        delete: {
          summary: 'Sign out (send X-CSRF-Token)',
          responses: { '204': { description: 'Signed out.' }, ...errors },
        },
      },
      '/api/users': {
        post: {
          summary: 'Make an account (admin), or reset one’s role and password',
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(UserBody) } } },
          responses: { '201': json(schemaOf(UserResponse), '`email` and `role`.'), ...errors },
        },
      },
      '/api/audit': {
        get: {
          summary: 'The audit trail: who wrote what, when (admin)',
          parameters: queryParameters(AuditQuery),
          responses: { '200': json(schemaOf(AuditResponse), 'The latest entries first.'), ...errors },
        },
      },
    },
  };
  return cached;
}
