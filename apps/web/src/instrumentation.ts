// Runs once when the server starts. Validating the settings here makes a misconfigured replica
// exit at start-up, naming the variable, instead of answering every page with an error.
export async function register(): Promise<void> {
  // NEXT_RUNTIME is not a setting but a constant Next inlines per bundle, so the edge bundle
  // drops the Node-only start-up code (lint allows this one read of process.env).
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { validateSettingsOrExit } = await import('./validate-settings');
    await validateSettingsOrExit();
    const { traceRequests } = await import('./lib/tracing/trace-requests');
    await traceRequests();
  }
}
