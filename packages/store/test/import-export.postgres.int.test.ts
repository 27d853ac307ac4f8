import { describeImportExport } from './describe-import-export.ts';
import { onPostgres } from './on-postgres.ts';

onPostgres('import and export on PostgreSQL', (open) => describeImportExport('PostgreSQL', open));
