import { describe, expect, it } from 'vitest';
import { DEFAULT_STRICTNESS } from '../../../src/core';
import { parseArgs, type ParsedArgs } from '../../../src/cli/args';

const run = (files: string[], strictness = DEFAULT_STRICTNESS, format: 'text' | 'json' = 'text'): ParsedArgs => ({
  kind: 'run',
  args: { strictness, format, files },
});

describe('parseArgs', () => {
  it.each<[string, string[], ParsedArgs]>([
    ['one file, defaults for the rest', ['a.txt'], run(['a.txt'])],
    ['several files keep their order', ['b.html', 'a.txt'], run(['b.html', 'a.txt'])],
    ['- is standard input, a file like any other', ['-'], run(['-'])],
    ['--strictness VALUE', ['--strictness', 'strict', 'a.txt'], run(['a.txt'], 'strict')],
    ['--strictness=VALUE', ['--strictness=lenient', 'a.txt'], run(['a.txt'], 'lenient')],
    ['--format json', ['--format', 'json', 'a.txt'], run(['a.txt'], DEFAULT_STRICTNESS, 'json')],
    ['flags after files', ['a.txt', '--format=json'], run(['a.txt'], DEFAULT_STRICTNESS, 'json')],
    ['the last of a repeated flag wins', ['--strictness', 'strict', '--strictness', 'lenient', 'a.txt'], run(['a.txt'], 'lenient')],
    ['-- ends the flags, so a file may start with a dash', ['--', '--odd-name.txt'], run(['--odd-name.txt'])],
    ['--claims and --reference', ['--claims', 'c.json', '--reference=r.txt', 'a.txt'], { kind: 'run', args: { strictness: DEFAULT_STRICTNESS, format: 'text', files: ['a.txt'], claims: 'c.json', reference: 'r.txt' } }],
    ['--help', ['--help'], { kind: 'help' }],
    ['-h', ['-h'], { kind: 'help' }],
    ['--help before a bad flag is help: flags are read in order', ['--help', '--bogus'], { kind: 'help' }],
    ['a bad flag before --help is reported: flags are read in order', ['--bogus', '--help'], { kind: 'usage-error', message: 'unknown option: --bogus' }],
  ])('%s', (_reason, argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    ['no file at all', [], /no file given/],
    ['only flags, no file', ['--format', 'json'], /no file given/],
    ['an unknown long flag, named', ['--colour', 'a.txt'], /^unknown option: --colour$/],
    ['an unknown short flag, named', ['-x', 'a.txt'], /^unknown option: -x$/],
    ['an unknown flag given with =, named without the value', ['--depth=3', 'a.txt'], /^unknown option: --depth$/],
    ['a bad strictness, naming the flag, the value and the choices', ['--strictness', 'harsh', 'a.txt'], /^bad value for --strictness: harsh \(expected lenient, balanced, strict\)$/],
    ['a bad format, naming the flag, the value and the choices', ['--format=xml', 'a.txt'], /^bad value for --format: xml \(expected text, json\)$/],
    ['a flag with its value missing at the end', ['a.txt', '--strictness'], /^--strictness needs a value$/],
    ['a flag followed by another flag has no value', ['--format', '--strictness', 'strict', 'a.txt'], /^--format needs a value$/],
    ['an empty value after =', ['--format=', 'a.txt'], /^--format needs a value$/],
    ['a reference without a claim set', ['--reference', 'r.txt', 'a.txt'], /^--reference goes with --claims$/],
  ])('usage error: %s', (_reason, argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe('usage-error');
    if (parsed.kind === 'usage-error') expect(parsed.message).toMatch(message);
  });
});
