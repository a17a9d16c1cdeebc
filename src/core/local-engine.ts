/**
 * The engine and its page protocol in one place, without messages: what the
 * background runs, handed to a page's session directly. For the tests and
 * for tools that run a `PageSession` outside the extension (the page's text
 * is checked by the same service, through the same protocol, as in the
 * browser).
 *
 * @module
 */
import { defaultChecker, type Checker } from './check';
import type { EngineConnection } from './check-protocol';
import { CheckService, type CheckServiceOptions } from './check-service';
import { triggerPattern } from './gate';

/** A connection to a `CheckService` in this thread, over `checker` (the bundled claim set's by default). */
export function localEngine(checker: Checker = defaultChecker(), options: Omit<CheckServiceOptions, 'checker'> = {}): EngineConnection & { service: CheckService } {
  const service = new CheckService({ ...options, checker: () => checker });
  return {
    service,
    // Each answer after a turn of the event loop, as a message's would come.
    transport: {
      check: async (request) => service.check(structuredClone(request)),
      report: async (request) => service.report(structuredClone(request)),
    },
    gate: triggerPattern(checker.claimSet.registry),
    sourceLabel: checker.claimSet.source.label,
  };
}
