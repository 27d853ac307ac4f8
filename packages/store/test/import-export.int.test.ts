import { openStore } from '../src/index.ts';
import { describeImportExport } from './describe-import-export.ts';

// One in-memory PGlite for the whole file, which no other file uses.
describeImportExport('PGlite', () => openStore(), { ownsDatabase: true });
