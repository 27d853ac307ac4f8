import { describeStatus } from './describe-status.ts';
import { onPostgres } from './on-postgres.ts';

onPostgres('status on PostgreSQL', (open) => describeStatus('PostgreSQL', open, true));
