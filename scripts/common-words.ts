/**
 * `npm run words:build`: writes data/common-words.json, the common English words the add-person form
 * checks surnames against, from the two word lists installed as dev dependencies (scripts/common-words-list.ts
 * gives the sources, their licences and the rule). Run it after updating either package;
 * tests/common-words.test.ts fails while the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCommonWordsFile } from './common-words-list';

const file = buildCommonWordsFile();
writeFileSync(
  join(import.meta.dirname, '..', 'data', 'common-words.json'),
  `${JSON.stringify(file, null, 2)}\n`,
);
console.log(`words:build: ${file.words.split(' ').length} common words written to data/common-words.json`);
