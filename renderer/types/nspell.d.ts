// nspell 2.1.5 ships no types: the part of its API the spell check uses.
declare module 'nspell' {
  interface NSpell {
    /** whether `word` is spelt correctly (Hunspell's case rules) */
    correct(word: string): boolean;
    /** suggestions, best first */
    suggest(word: string): string[];
  }
  /** A checker from a Hunspell affix file and dictionary file (text or bytes). */
  function nspell(aff: string | Uint8Array, dic: string | Uint8Array): NSpell;
  export default nspell;
}
