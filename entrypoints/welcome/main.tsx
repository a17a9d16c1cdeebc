import { render } from 'preact';
import { defaultChecker } from '../../src/core';
import { createBrowserConnector } from '../../src/ext/connector';
import { WelcomePage } from '../../src/ui/welcome/welcome-page';
import '../../src/ui/page-theme.css';
import '../../src/ui/welcome/welcome-page.css';

// The first-run page, opened once when the extension is installed (entrypoints/background.ts).
const root = document.getElementById('app');
if (root) render(<WelcomePage connector={createBrowserConnector()} source={defaultChecker().claimSet.source.label} />, root);
