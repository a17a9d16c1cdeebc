import { render } from 'preact';
import { createBrowserConnector } from '../../src/ext/connector';
import { ClaimSetPage } from '../../src/ui/options/claim-set-page';
import '../../src/ui/page-theme.css';
import '../../src/ui/options/claim-set-page.css';

const root = document.getElementById('app');
if (root) render(<ClaimSetPage connector={createBrowserConnector()} />, root);
