// The project dictionary of an opened folder (format: shared/formats/dictionary.ts): read it,
// add a word (written atomically). A file that is too big or not UTF-8 is refused with a message
// naming it, and never overwritten by an addition.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DICTIONARY_FILE, MAX_DICTIONARY_BYTES, MAX_WORDS, dictionaryWordProblem, parseDictionary, serializeDictionary, type DictionaryProblem,
} from '../../shared/formats/dictionary.ts';
import { atomicWriteFile } from './atomic-write.ts';
import { HostError } from './errors.ts';

/** The dictionary read from a folder. */
export interface LoadedDictionary {
  /** the words, deduplicated, in file order ([] when there is no file) */
  words: string[];
  /** whether the file exists */
  exists: boolean;
  /** lines left out (not words) */
  problems: DictionaryProblem[];
}

/** Reads `<root>/muwazi.dictionary.txt`. Throws HostError ('too-large', 'unknown-encoding'). */
export async function loadDictionary(root: string): Promise<LoadedDictionary> {
  const file = join(root, DICTIONARY_FILE);
  const st = await stat(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (!st) return { words: [], exists: false, problems: [] };
  if (!st.isFile()) throw new HostError('invalid-request', `${DICTIONARY_FILE} is not a file.`);
  if (st.size > MAX_DICTIONARY_BYTES) {
    throw new HostError('too-large', `${DICTIONARY_FILE} is ${Math.round(st.size / 1024)} KB; a project dictionary may hold at most ${MAX_DICTIONARY_BYTES / 1024 / 1024} MB.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch (e) {
    if (e instanceof TypeError) throw new HostError('unknown-encoding', `${DICTIONARY_FILE} is not UTF-8 text.`);
    throw e;
  }
  const { words, problems } = parseDictionary(text);
  if (words.length > MAX_WORDS) throw new HostError('too-large', `${DICTIONARY_FILE} holds ${words.length} words; at most ${MAX_WORDS} are read.`);
  return { words, exists: true, problems };
}

/** Adds `word` (checked) and writes the file back sorted; answers the words as written. */
export async function addDictionaryWord(root: string, word: string): Promise<string[]> {
  const w = word.trim();
  const problem = dictionaryWordProblem(w);
  if (problem) throw new HostError('invalid-request', problem);
  const { words } = await loadDictionary(root);
  if (words.includes(w)) return words;
  if (words.length >= MAX_WORDS) throw new HostError('too-large', `${DICTIONARY_FILE} holds ${MAX_WORDS} words already.`);
  const text = serializeDictionary([...words, w]);
  // no .bak: the file is small, shared and often under version control
  await atomicWriteFile(join(root, DICTIONARY_FILE), text, { backup: false });
  return text.split('\n').filter((l) => l !== '');
}
