import { EVIDENCE_POLICIES } from '@truce/core';
import { z } from 'zod';
import { ROLES } from './auth.ts';

// What the API answers, as zod schemas: the OpenAPI document's response bodies are generated from them,
// and the API tests check real answers against them, so the document cannot drift from the server.

const time = z.string().describe('RFC 3339.');
const nullableTime = time.nullable();

const ReleaseTotal = z.object({
  party: z.string(),
  inFramework: z.number(),
  outsideFramework: z.number(),
  total: z.number(),
});

const PhaseStatus = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['not-started', 'awaiting-event', 'running', 'ended', 'collapsed']),
  plannedStart: nullableTime,
  plannedEnd: nullableTime,
  actualStart: nullableTime,
  actualEnd: nullableTime,
  scheduledEnd: nullableTime,
  endReason: z.enum(['expired', 'completed', 'terminated', 'collapsed']).nullable(),
  day: z.number().int().nullable().describe('Day N of M while running.'),
  days: z.number().int().nullable(),
  extensions: z.array(z.object({ eventId: z.string(), by: z.string(), agreedAt: time, cause: z.string() })),
  eligibility: z
    .object({
      rule: z.string(),
      counted: z.number(),
      eligibleDays: z.number(),
      agreedDays: z.number(),
      capDays: z.number().nullable(),
      explanation: z.string(),
    })
    .nullable(),
  released: z.array(ReleaseTotal),
  explanation: z.array(z.string()),
});

const ObligationStatus = z.object({
  id: z.string(),
  kind: z.string(),
  party: z.string(),
  phase: z.string(),
  clause: z.object({ ref: z.string(), text: z.string() }),
  state: z.enum([
    'not-in-effect',
    'in-effect',
    'fulfilled',
    'partly-fulfilled',
    'overdue',
    'violated',
    'suspended',
    'ended',
    'disputed',
    'indeterminate',
  ]),
  reason: z.string(),
  due: z.number().nullable(),
  delivered: z.number().nullable(),
  deliveredRange: z.object({ low: z.number(), high: z.number() }).nullable(),
  remaining: z.number().nullable(),
  ratio: z.number().nullable(),
  nextDeadline: nullableTime,
  counted: z.array(
    z.object({ id: z.string(), at: time, amount: z.number().nullable(), note: z.string().optional() }),
  ),
  excluded: z.array(z.object({ id: z.string(), reason: z.string() })),
  arithmetic: z.array(z.string()),
  periods: z
    .array(
      z.object({
        index: z.number().int(),
        start: time,
        end: time,
        due: z.number(),
        delivered: z.number().nullable(),
        state: z.enum(['met', 'short', 'unknown', 'pending', 'covered-by-span']),
        note: z.string().optional(),
      }),
    )
    .optional(),
});

const Discrepancy = z.object({
  fact: z.string(),
  kind: z.enum(['conflicting-reports', 'claim-vs-ledger']),
  description: z.string(),
  reports: z.array(
    z.object({
      eventId: z.string(),
      figure: z.number(),
      status: z.string(),
      grade: z.string().nullable(),
      sources: z.array(
        z.object({ outlet: z.string(), attribution: z.string().optional(), url: z.string().optional() }),
      ),
    }),
  ),
  used: z.object({ eventId: z.string().nullable(), figure: z.number() }),
  why: z.string(),
  explanation: z.string().nullable(),
});

/** The status JSON of docs/status-json.md. */
export const StatusResponse = z.object({
  agreement: z.object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    status: z.string(),
    timeZone: z.string(),
  }),
  asOf: time,
  knownAt: nullableTime,
  evidence: z.enum(EVIDENCE_POLICIES),
  phases: z.array(PhaseStatus),
  obligations: z.array(ObligationStatus),
  discrepancies: z.array(Discrepancy),
  released: z.array(ReleaseTotal),
  nextChange: z.object({ at: time, what: z.string() }).nullable(),
  events: z.object({ known: z.number().int(), counted: z.number().int(), superseded: z.number().int() }),
});

export const HealthResponse = z.object({ ok: z.literal(true) });

export const AgreementListResponse = z.object({
  agreements: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      version: z.number().int(),
      events: z.number().int().describe('How many events its ledger holds.'),
      public: z.boolean(),
    }),
  ),
});

const Document = z.record(z.string(), z.unknown()).describe('The agreement document, as written.');

export const AgreementResponse = z.object({
  id: z.string(),
  public: z.boolean(),
  version: z.number().int(),
  versions: z.array(z.object({ version: z.number().int(), addedAt: time, title: z.string() })),
  document: Document,
});

export const VersionResponse = z.object({
  id: z.string(),
  version: z.number().int(),
  addedAt: time,
  document: Document,
});

export const ExplainResponse = z.object({
  agreement: z.string(),
  asOf: time,
  knownAt: nullableTime,
  evidence: z.enum(EVIDENCE_POLICIES),
  obligation: ObligationStatus.nullable(),
  explanation: z.array(z.string()),
});

export const EventsPageResponse = z.object({
  events: z.array(
    z.object({
      seq: z.number().int().describe('Its place in the ledger, from 1.'),
      event: z.record(z.string(), z.unknown()).describe('The event as stored (see the Event schema).'),
    }),
  ),
  next: z.number().int().nullable().describe('The cursor of the next page; null on the last.'),
});

export const AppendResponse = z.object({
  appended: z.array(z.object({ id: z.string(), seq: z.number().int(), hash: z.string() })),
  skipped: z.array(z.string()).describe('Ids already stored with the same content.'),
});

export const PublicResponse = z.object({ id: z.string(), public: z.boolean() });

export const TokenMadeResponse = z.object({
  id: z.string().describe('Names the token in the list and to revoke it.'),
  name: z.string(),
  role: z.enum(ROLES),
  token: z.string().describe('The bearer token itself: shown this once, stored only as a hash.'),
});

export const TokenListResponse = z.object({
  tokens: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      createdAt: time,
      revokedAt: nullableTime,
    }),
  ),
});

export const SessionResponse = z.object({
  name: z.string().nullable(),
  role: z.enum(ROLES).nullable(),
  csrf: z.string().nullable().describe('Send it as X-CSRF-Token with every write of a web session.'),
});

export const SignedInResponse = z.object({ email: z.string(), role: z.enum(ROLES), csrf: z.string() });

export const UserResponse = z.object({ email: z.string(), role: z.enum(ROLES) });

export const AuditResponse = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      at: time,
      actor: z.string(),
      action: z.string(),
      agreement: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});
