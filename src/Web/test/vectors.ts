import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's tests/vectors folder (public vectors; sources in tests/vectors/SOURCES.md). */
export const vectorsRoot = fileURLToPath(new URL('../../../tests/vectors/', import.meta.url));

/** Parses a JSON vector file under tests/vectors. */
export const vectorJson = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(vectorsRoot, ...parts), 'utf8')) as T;
