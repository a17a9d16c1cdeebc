/**
 * The engine in the background: one `CheckService` over the claim set in
 * force, compiled once and shared by every tab, made again when the set
 * changes (every page then starts again against the new set) and whenever
 * the browser starts the background again (Chrome stops an idle service
 * worker; the pages it was checking hear `known: false` and send their text
 * again).
 *
 * It also keeps `EngineInfo` in storage for the pages' scripts (see
 * engine.ts).
 *
 * @module
 */
import { createChecker, defaultChecker, type Checker } from '../core';
import { parseCheckPageRequest, parsePageReportRequest, type CheckPageReply, type PageReportReply } from '../core/check-protocol';
import { CheckService } from '../core/check-service';
import { gateSource } from '../core/gate';
import { claimSetIdentity } from './claim-set-identity';
import { activeClaimSet, CLAIM_SET_KEY, type ClaimSetArea } from './claim-set-store';
import { ENGINE_INFO_KEY, parseEngineInfo, type EngineInfo } from './engine';

/** The engine's info for a checker's claim set. */
export function engineInfoOf(checker: Checker): EngineInfo {
  const set = checker.claimSet;
  return { gate: gateSource(set.registry), sourceLabel: set.source.label, claimSet: claimSetIdentity(set) };
}

/** The background's engine; see the module comment. */
export class EngineHost {
  private checker: Checker = defaultChecker();
  private readonly service = new CheckService({ checker: () => this.checker });
  /** Settles once the stored claim set has been read (requests wait for it). */
  private readonly ready: Promise<void>;

  constructor(private readonly area: ClaimSetArea) {
    this.ready = area.get(CLAIM_SET_KEY).then(
      (stored) => this.use(stored[CLAIM_SET_KEY]),
      () => this.use(undefined),
    );
  }

  /** Answer a page's check request; `tab`: the tab it came from. Throws a `TypeError` naming what is wrong with a bad request. */
  async check(request: unknown, tab: number | undefined): Promise<CheckPageReply> {
    const parsed = parseCheckPageRequest(request);
    await this.ready;
    return this.service.check(parsed, tab);
  }

  async report(request: unknown): Promise<PageReportReply> {
    const parsed = parsePageReportRequest(request);
    await this.ready;
    return this.service.report(parsed);
  }

  async info(): Promise<EngineInfo> {
    await this.ready;
    return engineInfoOf(this.checker);
  }

  /** The tab was closed: its pages are forgotten. */
  tabClosed(tab: number): void {
    this.service.forgetOwner(tab);
  }

  /** The stored claim set changed: a new engine, and every page starts again. */
  claimSetChanged(stored: unknown): void {
    this.use(stored);
  }

  /** How many pages are kept (for the tests). */
  get pages(): number {
    return this.service.size;
  }

  private use(stored: unknown): void {
    const active = activeClaimSet(stored);
    this.checker = active.kind === 'bundled' ? defaultChecker() : createChecker(active.set);
    this.service.forgetAll();
    void this.publish();
  }

  /** Keep the engine's info in storage, for the pages' scripts; written only when it changed (a write wakes every tab's listener). */
  private async publish(): Promise<void> {
    const info = engineInfoOf(this.checker);
    try {
      const stored = parseEngineInfo((await this.area.get(ENGINE_INFO_KEY))[ENGINE_INFO_KEY]);
      if (stored && JSON.stringify(stored) === JSON.stringify(info)) return;
      await this.area.set({ [ENGINE_INFO_KEY]: info });
    } catch {
      // Storage unavailable: pages ask the background for the info instead.
    }
  }
}
