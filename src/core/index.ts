/**
 * The checking engine's public face. Pure TypeScript: no DOM, no browser API,
 * so the content script, the CLI and the tests run the same code.
 */
export type { PageReport, SentenceReport, ReportSummary, ReportFinding } from './report';
export { summarize } from './report';
export type { Verdict, Severity } from './verdict';
export { VERDICTS, SEVERITIES, isVerdict } from './verdict';
export type { Strictness, StrictnessPreset } from './strictness';
export { STRICTNESS_LEVELS, STRICTNESS_PRESETS, DEFAULT_STRICTNESS, isStrictness } from './strictness';
export { createChecker, defaultChecker } from './check';
export type { Checker, CheckOptions, Decision, PageReading } from './check';
export type { Assessment } from './assess';
export type { ClaimSet } from './claims/types';
