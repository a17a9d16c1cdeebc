/** Reading the extension's errors out of Firefox's console output (no browser needed). */
import { describe, expect, it } from 'vitest';
import { mergeConsoleErrors, parseConsoleLine } from './harness/firefox-output';

const ORIGIN = 'moz-extension://0f6e2a8c-1111-4222-8333-944455556666';

describe('parseConsoleLine', () => {
  it.each([
    [
      'an uncaught exception in an extension file',
      `JavaScript error: ${ORIGIN}/background.js, line 3: Error: boom`,
      { source: `${ORIGIN}/background.js`, text: 'Error: boom' },
    ],
    ['an uncaught exception in a web page (BiDi reports those)', 'JavaScript error: http://127.0.0.1:4000/a.html, line 1: Error: boom', null],
    ["an uncaught exception in Firefox's own code", 'JavaScript error: resource://gre/modules/LoginManagerChild.sys.mjs, line 1715: TypeError: x', null],
    [
      'a console.error call with literal arguments',
      'console.error: "popup failed" 5 "with \\"quotes\\""',
      { source: 'firefox console (extension page or background)', text: 'popup failed 5 with "quotes"' },
    ],
    ["a Firefox module's console.error", 'console.error: RSLoader: ', null],
    ['any other line', 'WebDriver BiDi listening on ws://127.0.0.1:1234', null],
  ])('%s', (_case, line, expected) => {
    expect(parseConsoleLine(line, ORIGIN)).toEqual(expected);
  });
});

describe('mergeConsoleErrors', () => {
  it('keeps what BiDi reported and adds only the output lines it did not', () => {
    const fromBidi = [{ source: 'http://127.0.0.1/a.html', text: 'page failed' }];
    const fromOutput = [
      { source: 'firefox console (extension page or background)', text: 'page failed' },
      { source: `${ORIGIN}/background.js`, text: 'Error: boom' },
    ];
    expect(mergeConsoleErrors(fromBidi, fromOutput)).toEqual([fromBidi[0], fromOutput[1]]);
  });
});
