import { describeStore } from './describe-store.ts';
import { onPostgres } from './on-postgres.ts';

onPostgres('store on PostgreSQL', (open) => describeStore('PostgreSQL', { open, parallelWriters: true }));
