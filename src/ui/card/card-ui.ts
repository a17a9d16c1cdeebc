import { SUGGESTED_SHORTCUTS } from '../../ext/commands';
import { flaggedAnnouncement, verdictName } from '../../ext/labels';
import type { CardUi } from '../../page/cards/card-ui';
import { mountCardHost } from './card-host';

/**
 * The card's UI as the page layer takes it (`PageSessionOptions.cardUi`):
 * this Preact card and the extension's words for what is said through it.
 * The content script hands it to each page session.
 */
export const CARD_UI: CardUi = Object.freeze({ mountCardHost, verdictName, flaggedAnnouncement, suggestedShortcuts: SUGGESTED_SHORTCUTS });
