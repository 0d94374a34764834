// Where a JSON text goes wrong. Node 20's JSON.parse names a position for some errors and none for
// others ("Unexpected token '}', ... is not valid JSON"), so a sidecar error message could not point
// at the line to fix. This is a minimal RFC 8259 syntax scanner, run only after JSON.parse failed.

/** Position of a syntax error: 1-based line and column (column in code points), 0-based UTF-16 offset. */
export interface JsonErrorLocation {
  /** 1-based line number */
  line: number;
  /** 1-based column, counted in code points */
  column: number;
  /** 0-based UTF-16 offset into the text */
  offset: number;
  /** what the scanner expected there */
  expected: string;
}

/** Line and column (both 1-based, column in code points) of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}

/** The first syntax error in `text`, or null if it is valid JSON. Iterative: deep nesting cannot overflow the stack. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const n = text.length;
  const fail = (expected: string): JsonErrorLocation => ({ ...lineColumn(text, i), offset: i, expected });
  const ws = () => {
    while (i < n) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else break;
    }
  };
  const str = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            return false;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const num = (): boolean => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0].length === 0) return false;
    i += m[0].length;
    return true;
  };
  // stack of open containers: '{' or '['
  const stack: string[] = [];
  // value: parse one value start; containers push and continue in the loop
  let needValue = true;
  for (;;) {
    ws();
    if (needValue) {
      if (i >= n) return fail('a value');
      const c = text[i];
      if (c === '{') {
        i++;
        ws();
        if (text[i] === '}') {
          i++;
          needValue = false;
        } else {
          stack.push('{');
          if (text[i] !== '"') return fail('a property name in double quotes');
          if (!str()) return fail('a valid string');
          ws();
          if (text[i] !== ':') return fail("':' after the property name");
          i++;
          continue;
        }
      } else if (c === '[') {
        i++;
        ws();
        if (text[i] === ']') {
          i++;
          needValue = false;
        } else {
          stack.push('[');
          continue;
        }
      } else if (c === '"') {
        if (!str()) return fail('a valid string');
        needValue = false;
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        if (!num()) return fail('a number');
        needValue = false;
      } else {
        const lit = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!lit) return fail('a value');
        i += lit.length;
        needValue = false;
      }
      continue;
    }
    // after a value
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (i < n) return fail('the end of the text');
      return null;
    }
    if (i >= n) return fail(top === '{' ? "',' or '}'" : "',' or ']'");
    if (text[i] === ',') {
      i++;
      ws();
      if (top === '{') {
        if (text[i] !== '"') return fail('a property name in double quotes');
        if (!str()) return fail('a valid string');
        ws();
        if (text[i] !== ':') return fail("':' after the property name");
        i++;
      }
      needValue = true;
    } else if ((top === '{' && text[i] === '}') || (top === '[' && text[i] === ']')) {
      i++;
      stack.pop();
    } else return fail(top === '{' ? "',' or '}'" : "',' or ']'");
  }
}
