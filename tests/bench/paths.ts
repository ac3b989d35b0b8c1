import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLED_SOURCES = join(root, 'assets', 'corpus', 'sources');
export const BUNDLED_CORPUS = join(root, 'assets', 'corpus', 'corpus.json');
