import { describeBackup } from './describe-backup.ts';
import { onPostgres } from './on-postgres.ts';

// Two schemas on the server: the store backed up, and the empty one restored into.
onPostgres('backup on PostgreSQL', (open) =>
  onPostgres('restored into another schema', (openEmpty) => describeBackup('PostgreSQL', open, openEmpty)),
);
