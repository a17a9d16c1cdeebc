/**
 * What Firefox prints on stdout and stderr: the WebDriver BiDi address at
 * startup, then, with `devtools.console.stdout.content`, the console of every
 * content process. BiDi's `log.entryAdded` covers web pages and content
 * scripts but not the extension's own pages or its background page; their
 * errors are read from here.
 */
import type { ChildProcess } from 'node:child_process';
import type { ConsoleError } from './types';

const LISTENING = /WebDriver BiDi listening on (ws:\/\/\S+)/;
/** An uncaught exception: `JavaScript error: URL, line N: MESSAGE`. */
const UNCAUGHT = /^JavaScript error: (\S+), line \d+: (.*)$/;
/** A page's `console.error("…")`, arguments as literals. Firefox's own modules log as `console.error: Name: …` (no quote) and are not ours. */
const LOGGED = /^console\.error: (".*)$/;

/** The text a console argument list printed as literals reads as: `"a" 5` → `a 5`. */
function unquote(args: string): string {
  return args.replace(/"((?:[^"\\]|\\.)*)"/g, (_match, inner: string) => inner.replace(/\\(.)/g, '$1'));
}

/**
 * An error line of the extension's, or null: uncaught exceptions in files of
 * `extensionOrigin`, and `console.error` calls from any content process (the
 * caller drops those BiDi already reported from a web page).
 */
export function parseConsoleLine(line: string, extensionOrigin: string): ConsoleError | null {
  const uncaught = UNCAUGHT.exec(line);
  if (uncaught?.[1] && uncaught[2] !== undefined) {
    return uncaught[1].startsWith(`${extensionOrigin}/`) ? { source: uncaught[1], text: uncaught[2] } : null;
  }
  const logged = LOGGED.exec(line);
  if (logged?.[1]) return { source: 'firefox console (extension page or background)', text: unquote(logged[1]) };
  return null;
}

/** BiDi's entries, then those from the output that BiDi did not already report (same text). */
export function mergeConsoleErrors(fromBidi: readonly ConsoleError[], fromOutput: readonly ConsoleError[]): ConsoleError[] {
  const seen = new Set(fromBidi.map((error) => error.text));
  return [...fromBidi, ...fromOutput.filter((error) => !seen.has(error.text))];
}

export class FirefoxOutput {
  /** The last lines, for error messages. */
  private readonly tail: string[] = [];
  private readonly lineListeners = new Set<(line: string) => void>();
  private extensionOrigin: string | null = null;
  readonly errors: ConsoleError[] = [];

  constructor(child: ChildProcess) {
    // Both streams stay drained for Firefox's whole life: a full pipe would block it.
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach((line) => this.receive(line));
      });
    }
  }

  /** From now on, collect the errors of the extension served at `origin`. */
  watchExtension(origin: string): void {
    this.extensionOrigin = origin;
  }

  lastLines(count = 30): string {
    return this.tail.slice(-count).join('\n');
  }

  /** Resolves with the BiDi WebSocket URL Firefox prints when it is ready. */
  bidiUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.lineListeners.delete(onLine);
        child.off('exit', onExit);
      };
      const fail = (why: string): void => {
        done();
        reject(new Error(`Firefox ${why}. Its last output:\n${this.lastLines()}`));
      };
      const onLine = (line: string): void => {
        const url = LISTENING.exec(line)?.[1];
        if (url) {
          done();
          resolve(url);
        }
      };
      const onExit = (code: number | null): void => fail(`exited (code ${code}) before opening WebDriver BiDi`);
      child.once('error', (error) => fail(`could not start: ${error.message}`));
      const timer = setTimeout(() => fail(`did not open WebDriver BiDi in ${timeoutMs / 1000} s`), timeoutMs);
      this.lineListeners.add(onLine);
      child.once('exit', onExit);
    });
  }

  private receive(line: string): void {
    this.tail.push(line);
    if (this.tail.length > 100) this.tail.shift();
    for (const listener of this.lineListeners) listener(line);
    if (this.extensionOrigin) {
      const error = parseConsoleLine(line, this.extensionOrigin);
      if (error) this.errors.push(error);
    }
  }
}
