/**
 * Child-process entry for the client benchmark: a bare `node:http` server that reads each request
 * body and answers `200` with the Qoder environment fixture, the same bytes every time, so the
 * server's share of a call is as small and as constant as it can be.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundleOf } from '@envspec/specs';
import { qoderCore } from '@envspec/vendors';

const [fixture] = qoderCore.fixtures(bundleOf('qoder'));
if (!fixture) throw new Error('the qoder spec has no fixture');
const body = Buffer.from(JSON.stringify(fixture[1]));

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
