import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerCardUi } from '../src/ext/card-script';
import { CARD_UI } from '../src/ui/card/card-ui';

/**
 * The card's UI (`cards.js`): Preact, the card (src/ui/card) and its words.
 * Listed nowhere in the manifest; the background runs it in a page's frame
 * when the content script there asks, with the page's first mark, and it
 * hands `CARD_UI` to that script in their shared isolated world, out of the
 * page's reach (src/ext/card-script.ts).
 */
export default defineUnlistedScript(() => {
  offerCardUi(CARD_UI);
});
