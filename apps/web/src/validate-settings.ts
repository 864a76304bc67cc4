/** Loads src/env.ts (which validates every setting) and exits the process if one is bad. */
export async function validateSettingsOrExit(): Promise<void> {
  try {
    await import('./env');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
