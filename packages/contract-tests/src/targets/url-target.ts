import type { Vendor } from '@envspec/specs';
import { urlTargetBase } from '../vendors/contract-credentials.ts';

/** A `url` target someone else runs: fail the run once, naming the URL, rather than every case with a refused connection. */
export async function expectAnswering(vendor: Vendor): Promise<void> {
  const url = urlTargetBase(vendor);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await response.body?.cancel();
  } catch (error) {
    throw new Error(
      `nothing answers at ${url} for the ${vendor} url target (${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}): start it (pnpm start) or point CONTRACT_${vendor.toUpperCase()}_URL at a deployment`,
    );
  }
}
