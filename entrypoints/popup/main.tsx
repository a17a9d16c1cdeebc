import { render } from 'preact';

// Placeholder popup until the extension issue wires the page report in.
function Popup() {
  return <p>EU–Japan Fact Check: checking engine ready.</p>;
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
