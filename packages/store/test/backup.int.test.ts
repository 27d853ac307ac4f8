import { openStore } from '../src/index.ts';
import { describeBackup } from './describe-backup.ts';

describeBackup(
  'PGlite',
  () => openStore(),
  () => openStore(),
);
