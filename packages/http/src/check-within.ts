/** Runs a dependency probe (a ping, a SELECT 1) with a deadline: 'up' or 'down', never throws. */
export async function checkWithin(
  probe: () => Promise<unknown>,
  timeoutMs = 1_000,
): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
