export { startMocks, type MockFleet, type MockFleetOptions, type RunningMock } from './mock-fleet.ts';
export { startPrism, type MockMode, type PrismOptions, type PrismProcess } from './prism-process.ts';
export { defaultMockPorts } from './ports.ts';
export { waitForHttp } from './wait-for-http.ts';
export { findFreePort } from './free-port.ts';
