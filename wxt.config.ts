import { defineConfig } from 'wxt';

// The extension's behaviour (content script, popup) is wired in entrypoints/;
// this file only says how WXT builds it.
export default defineConfig({
  manifest: {
    name: 'EU–Japan Fact Check',
    description:
      'Marks statements that conflict with, or lack support in, the EEAS release on the EU–Japan Security and Defence Partnership.',
    permissions: ['storage'],
    browser_specific_settings: {
      gecko: {
        id: 'eu-japan-fact-check@example.org',
        // Firefox asks extensions to declare what they collect: nothing.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
