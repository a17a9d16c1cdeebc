/** The first-run page (entrypoints/welcome/), as the extension's URLs name it. */
export const WELCOME_PAGE = '/welcome.html';

/** Whether an `onInstalled` event opens the first-run page: a fresh install only, not an update (of the extension or the browser). */
export function opensWelcome(details: { reason: string }): boolean {
  return details.reason === 'install';
}
