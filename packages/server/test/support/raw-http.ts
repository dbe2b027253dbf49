import { createKeepAliveAgent, send, type RawReply, type RawRequest } from '@envspec/testkit';

export { socketExchange, type RawReply, type SocketExchange } from '@envspec/testkit';

/** Kept-alive connections shared by the tests of one file; `Connection: close` answers are handled by the agent. */
export const agent = createKeepAliveAgent();

/** One exchange on this file's kept-alive connections, the path sent exactly as given. */
export function httpRequest<Body = unknown>(
  url: string,
  request: Omit<RawRequest, 'agent'> & { method: string },
): Promise<RawReply<Body>> {
  return send<Body>(url, { ...request, agent });
}
