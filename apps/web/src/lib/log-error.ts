/**
 * Writes one JSON line to stderr for a failure the page survived (it degraded instead of
 * failing), so it is still seen in the logs. Failures that reach the error page are logged by
 * Next itself.
 */
export function logError(
  message: string,
  error: unknown,
  context: Record<string, unknown> = {},
): void {
  const err =
    error instanceof Error
      ? { type: error.name, message: error.message }
      : { message: String(error) };
  process.stderr.write(
    `${JSON.stringify({ level: 'error', time: new Date().toISOString(), service: 'web', msg: message, err, ...context })}\n`,
  );
}
