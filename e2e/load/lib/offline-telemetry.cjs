// Loaded into Artillery's process (node --require) by lib/artillery.ts.
//
// Artillery 2.0.21 sends an anonymous "test run" event to PostHog even with
// ARTILLERY_DISABLE_TELEMETRY set (node_modules/artillery/lib/telemetry.js only strips the
// event's properties), and waits for it to be delivered before it exits. Where the internet is
// out of reach, posthog-node retries for about 15 s: every run ended that much after its last
// request. Here its client is one that sends nothing, so a run exits as soon as it is done.
// A CommonJS file: it must hook require() before Artillery's own code loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('node:module');

const load = Module._load;
Module._load = function loadWithoutPostHog(request, ...rest) {
  if (request === 'posthog-node') {
    return {
      PostHog: class {
        capture() {}
        async shutdownAsync() {}
      },
    };
  }
  return load.call(this, request, ...rest);
};
