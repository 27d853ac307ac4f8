/** Something SQL can be run on: the database itself, or an open transaction. */
export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements, without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Loads rows with COPY: `rows` is COPY's text format (tab-separated columns, one row per line ending in
   * LF, with backslash, tab, LF and CR escaped; see `copyField`). The fastest way in for many rows.
   */
  copyRows(table: string, columns: readonly string[], rows: string): Promise<void>;
}

/** A value as a field of COPY's text format: backslash, tab, LF and CR written as escapes. */
export function copyField(value: string): string {
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIAL_ALL, escapeCopyChar) : value;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};
const escapeCopyChar = (c: string) => COPY_ESCAPES[c]!;

/** SQL that is true when `$1` names a role the session's user may take. */
export const CAN_TAKE_ROLE = `SELECT CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = $1)
  THEN pg_has_role(session_user, $1, 'MEMBER') ELSE false END AS ok`;

/** The one seam between the store and a database driver: PGlite and node-postgres each implement it. */
export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * From now on, runs every statement as `role` (SET ROLE), when the role exists and the connection's
   * user may take it; returns whether it does. The store calls it after migrating, with the application
   * role that may only read and append.
   */
  useRole(role: string): Promise<boolean>;
  close(): Promise<void>;
}
