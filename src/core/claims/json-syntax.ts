/**
 * Where a JSON text breaks, said the same way whatever JavaScript engine runs
 * it. `JSON.parse` does the parsing; this runs only after it failed, because
 * its message differs between engines (V8 gives an offset, SpiderMonkey a line
 * and column, some neither) and a reader fixing a file by hand needs a line
 * and column.
 */

/** Where the text stops being JSON, and why. Lines and columns count from 1, columns in UTF-16 units. */
export interface JsonSyntaxProblem {
  offset: number;
  line: number;
  column: number;
  /** "expected ',' or '}' after a property value, found 'x'". */
  reason: string;
  /** The text ended before the value was complete: the file looks cut short. */
  truncated: boolean;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly reason: string,
    readonly truncated: boolean,
  ) {
    super(reason);
  }
}

function shown(char: string | undefined): string {
  if (char === undefined) return 'the end of the text';
  const code = char.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff)) return `the character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${char}'`;
}

/** The first place `text` breaks JSON's grammar, or `undefined` when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  let i = 0;
  const fail = (reason: string): never => {
    const truncated = i >= text.length;
    throw new Stop(i, truncated ? `${reason}, but the text ends there` : `${reason}, found ${shown(text[i])}`, truncated);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[i] !== char) fail(`expected ${word}`);
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail('expected the closing \'"\' of a string');
      const char = text[i]!;
      if (char === '"') {
        i++;
        return;
      }
      if (char.charCodeAt(0) < 0x20) fail('expected a character of a string (control characters must be escaped)');
      if (char === '\\') {
        i++;
        const escape = text[i];
        if (escape === 'u') {
          for (let n = 0; n < 4; n++) {
            i++;
            if (!/^[0-9a-fA-F]$/.test(text[i] ?? '')) fail('expected four hex digits after \\u');
          }
        } else if (escape === undefined || !'"\\/bfnrt'.includes(escape)) fail('expected an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u)');
      }
      i++;
    }
  };
  const digits = (what: string) => {
    if (!/^[0-9]$/.test(text[i] ?? '')) fail(what);
    while (/^[0-9]$/.test(text[i] ?? '')) i++;
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits('expected a digit');
    if (text[i] === '.') {
      i++;
      digits('expected a digit after the decimal point');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits('expected a digit in the exponent');
    }
  };
  // Iterative over nesting, so a deeply nested file cannot overflow the stack here.
  const open: ('{' | '[')[] = [];
  let justOpened = false;
  const value = () => {
    space();
    const char = text[i];
    if (char === '{' || char === '[') {
      open.push(char);
      justOpened = true;
      i++;
      return;
    }
    if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || /^[0-9]$/.test(char ?? '')) number();
    else fail('expected a JSON value');
    closeValues();
  };
  const key = () => {
    space();
    if (text[i] !== '"') fail('expected a property name in double quotes');
    string();
    space();
    if (text[i] !== ':') fail("expected ':' after a property name");
    i++;
  };
  // After a complete value: a comma, or the end of the container(s) it closes.
  const closeValues = () => {
    for (;;) {
      const container = open.at(-1);
      if (container === undefined) return;
      space();
      const close = container === '{' ? '}' : ']';
      if (text[i] === close) {
        i++;
        open.pop();
        continue;
      }
      if (text[i] !== ',') fail(`expected ',' or '${close}' after ${container === '{' ? 'a property value' : 'an array item'}`);
      i++;
      if (container === '{') key();
      return;
    }
  };
  try {
    value();
    while (open.length > 0) {
      if (!justOpened) {
        // After a comma (and, in an object, its key): a value must follow.
        value();
        continue;
      }
      justOpened = false;
      const container = open.at(-1)!;
      space();
      // Just opened: it may close at once, or it starts with a key or an item.
      if (text[i] === (container === '{' ? '}' : ']')) {
        i++;
        open.pop();
        closeValues();
        continue;
      }
      if (container === '{') key();
      value();
    }
    space();
    if (i < text.length) fail('expected the end of the text after the JSON value');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.at);
    const lineStart = before.lastIndexOf('\n') + 1;
    return {
      offset: error.at,
      line: before.split('\n').length,
      column: error.at - lineStart + 1,
      reason: error.reason,
      truncated: error.truncated,
    };
  }
}
