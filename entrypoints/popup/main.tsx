import { render } from 'preact';
// Only the label, not the whole claim set: the popup needs no engine. The loader
// validates this file in the tests.
import { source } from '../../assets/claims.json';
import { createBrowserConnector } from '../../src/ext/connector';
import { createMockConnector, reportState, sampleReport } from '../../src/ext/mock-connector';
import { Popup } from '../../src/ui/popup/popup';

// `popup.html?mock` in `npm run dev` shows the popup over a sample report, to
// work on the UI without a page; production builds drop the branch.
const mock = import.meta.env.DEV && new URLSearchParams(location.search).has('mock');
const connector = mock ? createMockConnector({ states: [reportState(sampleReport())] }) : createBrowserConnector();

const root = document.getElementById('app');
if (root) render(<Popup connector={connector} source={source.label} />, root);
