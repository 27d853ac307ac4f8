import { openStore } from '../src/index.ts';
import { describeStatus } from './describe-status.ts';

describeStatus('PGlite', () => openStore());
