/**
 * Where the engine lives in the extension, and how a page reaches it: once
 * per browser, in the background (Chrome's service worker, Firefox's
 * background page), shared by every tab. The page's script reaches it by
 * runtime messages typed end to end by one protocol map
 * (`@webext-core/messaging`, from WXT's author: 3 KB in the page's script,
 * and the request and reply types of each message come from the map); what
 * the messages carry is defined beside the engine (src/core/check-protocol.ts).
 *
 * The page's script also needs, before it reads anything, the engine's gate
 * and the claim set's label and identity (`EngineInfo`): the background
 * keeps them in `storage.local`, where the page's script reads them with the
 * settings, in the same call, so a page about something else never wakes
 * the background at all.
 *
 * One more message is not the engine's: the card's script, asked for with
 * a page's first mark, which the background puts into the page
 * (card-script.ts).
 *
 * @module
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CheckPageReply, CheckPageRequest, EngineConnection, PageReportReply, PageReportRequest } from '../core/check-protocol';
import { gateFrom } from '../core/gate';
import type { ClaimSetIdentity } from './claim-set-identity';

/** What the page's script needs to know of the engine in force; see the module comment. */
export interface EngineInfo {
  /** The engine's gate, as its regular expression's source (see src/core/gate.ts). */
  gate: string;
  /** The claim set's `source.label`, named on the card. */
  sourceLabel: string;
  /** Which claim set the verdicts rest on, for the exports. */
  claimSet: ClaimSetIdentity;
}

/** The `storage.local` key the background keeps `EngineInfo` under. */
export const ENGINE_INFO_KEY = 'engine';

/** The messages between a page's script and the engine in the background: name, request, reply. */
export interface EngineProtocol {
  /** A request of the page protocol (src/core/check-protocol.ts). */
  checkPage(request: CheckPageRequest): CheckPageReply;
  /** A page's whole report, for an export. */
  pageReport(request: PageReportRequest): PageReportReply;
  /** The engine in force (the background also keeps it in storage). */
  engineInfo(): EngineInfo;
  /**
   * Put the card's script (`cards.js`) into the asking frame; answered once
   * it has run. Asked with the page's first mark (see card-script.ts).
   */
  cardScript(): void;
}

export const engineMessaging = defineExtensionMessaging<EngineProtocol>();

/** `value` as `EngineInfo`, or `undefined` when it is not one (storage can hold anything). */
export function parseEngineInfo(value: unknown): EngineInfo | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const info = value as Partial<EngineInfo>;
  const id = info.claimSet as Partial<ClaimSetIdentity> | undefined;
  if (typeof info.gate !== 'string' || typeof info.sourceLabel !== 'string') return undefined;
  if (typeof id?.label !== 'string' || typeof id.version !== 'number' || typeof id.hash !== 'string') return undefined;
  try {
    gateFrom(info.gate);
  } catch {
    return undefined;
  }
  return { gate: info.gate, sourceLabel: info.sourceLabel, claimSet: { label: id.label, version: id.version, hash: id.hash } };
}

/** The page's connection to the engine in the background. */
export function backgroundEngine(info: EngineInfo): EngineConnection {
  return {
    transport: {
      check: (request) => engineMessaging.sendMessage('checkPage', request),
      report: (request) => engineMessaging.sendMessage('pageReport', request),
    },
    gate: gateFrom(info.gate),
    sourceLabel: info.sourceLabel,
  };
}
