/**
 * Every port a command is about to listen on, checked before anything starts, so a clash is one
 * message naming each busy port and the flag that moves it, and nothing is left running.
 */
import { createServer } from 'node:net';

export interface PortClaim {
  host: string;
  port: number;
  /** What would listen there, e.g. `qoder mock`. */
  owner: string;
  /** The flag that moves it, e.g. `--mock-port qoder=N`. */
  flag: string;
}

export interface UnavailablePort extends PortClaim {
  /** `in use`, or why the port cannot be had (`needs privileges`). */
  reason: string;
}

const reasons: Record<string, string> = { EADDRINUSE: 'in use', EACCES: 'needs privileges' };
/** What a listen error says about the host itself: no port would do. */
const hostErrors = new Set(['EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN']);

export class PortsUnavailableError extends Error {
  override name = 'PortsUnavailableError';
  constructor(readonly ports: readonly UnavailablePort[]) {
    const width = Math.max(...ports.map(({ host, port }) => `${host}:${port}`.length));
    const ownerWidth = Math.max(...ports.map(({ owner }) => owner.length));
    super(
      `${ports.length === 1 ? 'a port is' : `${ports.length} ports are`} not available; stop what listens there, or move ${ports.length === 1 ? 'it' : 'each'} with the flag shown:\n${ports
        .map(
          ({ host, port, owner, flag, reason }) =>
            `  ${`${host}:${port}`.padEnd(width)}  ${reason.padEnd(9)}  ${owner.padEnd(ownerWidth)}  ${flag}`,
        )
        .join('\n')}`,
    );
  }
}

/** Resolves with the error code of listening on `host:port`, or undefined when it could listen. */
function probe(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

/**
 * Throws `PortsUnavailableError` listing every claimed port that cannot be listened on (port 0,
 * "any free port", is never checked); an unusable host is an `Error` naming it.
 */
export async function checkPorts(claims: readonly PortClaim[]): Promise<void> {
  const checked = await Promise.all(
    claims
      .filter(({ port }) => port !== 0)
      .map(async (claim) => ({ claim, code: await probe(claim.host, claim.port) })),
  );
  const unavailable: UnavailablePort[] = [];
  for (const { claim, code } of checked) {
    if (code === undefined) continue;
    if (hostErrors.has(code))
      throw new Error(
        `cannot listen on ${claim.host} for the ${claim.owner}: it is not an address of this machine (${code}); pass --host with one, e.g. 127.0.0.1 (the default) or 0.0.0.0 for every interface`,
      );
    const reason = reasons[code];
    if (!reason) throw new Error(`cannot listen on ${claim.host}:${claim.port} for the ${claim.owner}: ${code}`);
    unavailable.push({ ...claim, reason });
  }
  if (unavailable.length > 0) throw new PortsUnavailableError(unavailable);
}
