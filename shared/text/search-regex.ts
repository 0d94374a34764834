// Find with a regular expression (the find bar's "Regular expression" option). A JavaScript
// RegExp with the `u` flag (and `i` unless Match case), matched on the ORIGINAL text: the Arabic
// folding of literal find (harakat, hamza forms, ى/ي, ة/ه, digits) does not apply, the pattern
// says what it means. Spans are code points, half-open; zero-length matches are skipped.
//
// A JavaScript regex cannot be interrupted once it runs, so the usual shape of exponential
// backtracking (a repeated group holding a repetition: `(a+)+`, `(\w*\s?)*`) is refused before
// it runs, and callers searching many sentences stop at a hit cap and a time budget. Not caught:
// overlapping alternatives under a repeat (`(a|a)*`); the budget bounds everything but one
// sentence's match, and sentences are short.
import type { Span } from '../model/types.ts';
import { OffsetMap } from './offsets.ts';

/** A compiled pattern. */
export interface PreparedRegex {
  /** global + unicode (+ ignoreCase): exec from any lastIndex */
  re: RegExp;
}

/** Why a pattern was refused. `invalid`: a syntax error (message: the engine's); `unsafe`: it can
 * backtrack exponentially (message: the part that repeats a repetition). */
export interface RegexProblem {
  problem: 'invalid' | 'unsafe';
  message: string;
}

/** Compiles `pattern`; null when empty; a RegexProblem when refused. Never throws. */
export function prepareRegex(pattern: string, matchCase = false): PreparedRegex | RegexProblem | null {
  if (pattern === '') return null;
  let re: RegExp;
  try {
    re = new RegExp(pattern, matchCase ? 'gu' : 'giu');
  } catch (e) {
    // "Invalid regular expression: /(/giu: Unterminated group" → the part after the flags
    const msg = e instanceof Error ? e.message : String(e);
    return { problem: 'invalid', message: msg.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') };
  }
  const nested = nestedRepetition(pattern);
  if (nested) return { problem: 'unsafe', message: nested };
  return { re };
}

/** Whether prepareRegex refused. */
export function isRegexProblem(x: PreparedRegex | RegexProblem | null): x is RegexProblem {
  return x !== null && 'problem' in x;
}

/**
 * Every match of `rx` in `text`, left to right, as code-point spans, zero-length matches skipped.
 * `limit` caps the count.
 */
export function findRegex(text: string, rx: PreparedRegex, limit = Infinity): Span[] {
  const out: Span[] = [];
  if (text === '') return out;
  const re = rx.re;
  let map: OffsetMap | null = null;
  re.lastIndex = 0;
  while (out.length < limit) {
    const m = re.exec(text);
    if (!m) break;
    const from = m.index;
    const to = from + m[0].length;
    if (to === from) {
      // empty match (`a*`, `\b`): not a hit; step one code point on (the `u` flag keeps pairs whole)
      re.lastIndex = from + (text.codePointAt(from)! > 0xffff ? 2 : 1);
      if (re.lastIndex > text.length) break;
      continue;
    }
    map ??= new OffsetMap(text);
    out.push({ start: map.toCodePoint(from), end: map.toCodePoint(to) });
  }
  re.lastIndex = 0;
  return out;
}

/**
 * The replacement for the match of `rx` at code-point span `at` of `text`: `template` with `$&`
 * (the match), `$1`…`$99` (groups), `$<name>`, `` $` `` / `$'` (before / after) and `$$`, as
 * String.prototype.replace expands them. The match is found again at that place (sticky), so
 * anchors and look-behinds see the whole text. null when the pattern no longer matches there.
 */
export function regexReplacement(text: string, at: Span, rx: PreparedRegex, template: string): string | null {
  const map = new OffsetMap(text);
  const from = map.toUtf16(at.start);
  let sticky = stickyOf.get(rx);
  if (!sticky) stickyOf.set(rx, (sticky = new RegExp(rx.re.source, rx.re.flags.replace('g', '') + 'y')));
  sticky.lastIndex = from;
  const m = sticky.exec(text);
  if (!m || m.index + m[0].length !== map.toUtf16(at.end)) return null;
  return expandTemplate(template, m, text);
}

/** The sticky twin of a pattern, compiled once (replace all expands thousands of hits). */
const stickyOf = new WeakMap<PreparedRegex, RegExp>();

/** String.prototype.replace's GetSubstitution for one match. */
function expandTemplate(template: string, m: RegExpExecArray, text: string): string {
  const groups = m.length - 1;
  return template.replace(/\$(\$|&|`|'|\d{1,2}|<([^>]*)>)/g, (whole, tok: string, name: string | undefined) => {
    if (tok === '$') return '$';
    if (tok === '&') return m[0];
    if (tok === '`') return text.slice(0, m.index);
    if (tok === "'") return text.slice(m.index + m[0].length);
    if (name !== undefined) return m.groups ? (m.groups[name] ?? '') : whole;
    // $nn when that group exists, else $n followed by a digit, else literal (as the spec says)
    const two = Number(tok);
    if (tok.length === 2 && two >= 1 && two <= groups) return m[two] ?? '';
    const one = Number(tok[0]);
    if (one >= 1 && one <= groups) return (m[one] ?? '') + tok.slice(1);
    return whole;
  });
}

/**
 * A group repeated without bound that holds an unbounded repetition (star height above one, the
 * shape of exponential backtracking): `(a+)+`, `(?:x*y)*`, `((a+)b)*`. Returns the offending group's text,
 * or null. Escapes and character classes are skipped; bounded repeats `{n}` / `{n,m}` count as
 * repetitions only when unbounded (`{n,}`).
 */
export function nestedRepetition(pattern: string): string | null {
  // per open group: where it started, whether it holds a repetition or an alternation
  const stack: { at: number; risky: boolean }[] = [];
  let lastGroup: { at: number; end: number; risky: boolean } | null = null;
  let i = 0;
  const unboundedAt = (k: number): number => {
    const c = pattern[k];
    if (c === '*' || c === '+') return 1;
    if (c === '{') {
      const m = /^\{\d+,\}/.exec(pattern.slice(k));
      if (m) return m[0].length;
    }
    return 0;
  };
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      i += 2;
      lastGroup = null;
      continue;
    }
    if (c === '[') {
      // a class: up to the first unescaped ]
      i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i++;
      lastGroup = null;
      continue;
    }
    if (c === '(') {
      stack.push({ at: i, risky: false });
      i++;
      lastGroup = null;
      continue;
    }
    if (c === ')') {
      const g = stack.pop();
      i++;
      if (g) {
        lastGroup = { at: g.at, end: i, risky: g.risky };
        // what is risky inside stays risky for the enclosing group
        if (g.risky && stack.length) stack[stack.length - 1].risky = true;
      }
      continue;
    }
    const n = unboundedAt(i);
    if (n) {
      if (lastGroup?.risky) return pattern.slice(lastGroup.at, i + n);
      if (stack.length) stack[stack.length - 1].risky = true;
      i += n;
      lastGroup = null;
      continue;
    }
    i++;
    lastGroup = null;
  }
  return null;
}
