import type { Database } from './database.ts';

/** One step of the schema. Steps are applied in order, once each, and never edited after release. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'agreements, append-only hash-chained events',
    sql: `
      CREATE TABLE agreements (
        id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        document jsonb NOT NULL,
        text text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, version)
      );
      -- One row per agreement: locked by each append, so concurrent writers extend the chain in turn.
      CREATE TABLE ledger_heads (
        agreement_id text PRIMARY KEY,
        seq bigint NOT NULL DEFAULT 0,
        hash text NOT NULL DEFAULT ''
      );
      CREATE TABLE events (
        agreement_id text NOT NULL REFERENCES ledger_heads (agreement_id),
        seq bigint NOT NULL CHECK (seq > 0),
        event_id text NOT NULL,
        body jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        prev_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (agreement_id, seq),
        UNIQUE (agreement_id, event_id)
      );
      CREATE FUNCTION truce_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'truce: % is append-only; % refused', TG_TABLE_NAME, TG_OP
          USING HINT = 'a correction is a new event that supersedes the old one';
      END
      $$;
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION truce_refuse_change();
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION truce_refuse_change();
      CREATE TRIGGER agreements_append_only BEFORE UPDATE OR DELETE ON agreements
        FOR EACH ROW EXECUTE FUNCTION truce_refuse_change();
      CREATE TRIGGER agreements_no_truncate BEFORE TRUNCATE ON agreements
        FOR EACH STATEMENT EXECUTE FUNCTION truce_refuse_change();
    `,
  },
  {
    version: 2,
    name: 'the application role: it may read and append, never change or remove',
    // The store acts as truce_app once migrated (see Database.useRole): it can SELECT and INSERT events
    // and agreements but has no UPDATE, DELETE or TRUNCATE on them, so rewriting history needs another
    // role, on top of the triggers above. Roles belong to the whole server, so the role is created only
    // when missing, and a user without the right to create roles keeps working without one.
    sql: `
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'truce_app') THEN
          BEGIN
            CREATE ROLE truce_app NOLOGIN;
          EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
              RAISE NOTICE 'truce: cannot create the role truce_app; the store runs as %', current_user;
              RETURN;
          END;
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO truce_app', current_schema());
        REVOKE ALL ON events, agreements, ledger_heads, truce_migrations FROM truce_app;
        GRANT SELECT, INSERT ON events, agreements TO truce_app;
        GRANT SELECT, INSERT, UPDATE ON ledger_heads TO truce_app;
        GRANT SELECT ON truce_migrations TO truce_app;
        -- Tables of later migrations (accounts, sessions, the audit trail) are the application's to manage.
        EXECUTE format(
          'ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO truce_app',
          current_schema());
        EXECUTE format(
          'ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO truce_app',
          current_schema());
      END
      $$;
    `,
  },
  {
    version: 3,
    name: 'API tokens, agreements open to the public, and the audit trail of writes',
    sql: `
      -- A token is stored as its SHA-256 only; the token itself is shown once, when it is made.
      CREATE TABLE api_tokens (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE TABLE public_agreements (
        agreement_id text PRIMARY KEY,
        opened_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        agreement_id text,
        detail jsonb NOT NULL DEFAULT '{}'
      );
      -- The trail is append-only for the application too.
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'truce_app') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM truce_app;
        END IF;
      END
      $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION truce_refuse_change();
    `,
  },
  {
    version: 4,
    name: 'accounts and web sessions',
    sql: `
      -- A password is kept as scrypt (salt, cost and key in one string); a session as the SHA-256 of its id.
      CREATE TABLE users (
        email text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        email text NOT NULL REFERENCES users (email),
        csrf text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'an event must have its ledger head: checked once per statement, not once per row',
    // The foreign key from events to ledger_heads ran a lookup for every row, a third of the time a bulk
    // import spends in COPY. A check after each statement over the rows it inserted refuses the same
    // events; a head is never removed (nothing needs to), which the key used to ensure while events named it.
    sql: `
      ALTER TABLE events DROP CONSTRAINT IF EXISTS events_agreement_id_fkey;
      CREATE FUNCTION truce_events_have_heads() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        orphan text;
      BEGIN
        SELECT i.agreement_id INTO orphan FROM (SELECT DISTINCT agreement_id FROM inserted) i
          WHERE NOT EXISTS (SELECT 1 FROM ledger_heads h WHERE h.agreement_id = i.agreement_id) LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'truce: no ledger head for agreement %; events are appended through the store', orphan
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER events_have_heads AFTER INSERT ON events
        REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION truce_events_have_heads();
      CREATE FUNCTION truce_keep_heads() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'truce: a ledger head is never removed; % refused', TG_OP;
      END
      $$;
      CREATE TRIGGER ledger_heads_kept BEFORE DELETE ON ledger_heads
        FOR EACH ROW EXECUTE FUNCTION truce_keep_heads();
      CREATE TRIGGER ledger_heads_no_truncate BEFORE TRUNCATE ON ledger_heads
        FOR EACH STATEMENT EXECUTE FUNCTION truce_keep_heads();
    `,
  },
];

/** The role the store acts as after migrating: it may read and append, not update or delete. */
export const APP_ROLE = 'truce_app';

// Any fixed number: it names the lock that stops two processes migrating one database at once.
const MIGRATION_LOCK = 0x7472_7563;

/** Applies the migrations not yet recorded in `truce_migrations`, in one transaction; returns their versions. */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS truce_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM truce_migrations')).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO truce_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
