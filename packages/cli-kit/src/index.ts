/** The conventions every envspec command shares: usage errors, shared flags, busy ports and the signal lifecycle. */
export { argument, configureCommand, exitCodeOf, repeatable, UsageError, usageHint } from './usage.ts';
export { runCli, withoutPassThroughSeparator, type RunCliOptions } from './run-cli.ts';
export {
  corsFrom,
  corsOriginsOption,
  hostOption,
  parseOrigin,
  parseShare,
  parseVendor,
  parseVendorPort,
  parseVendorUrl,
  parseWholeNumber,
  portOverrides,
  selectedVendors,
  vendorPortsOption,
  vendorsOption,
} from './options.ts';
export { addFleetOptions, fleetSettings, type FleetOptionsSpec, type FleetSettings } from './fleet-options.ts';
export { checkPorts, PortsUnavailableError, type PortClaim, type UnavailablePort } from './busy-ports.ts';
export { stopOnSignals, stopSignals, type StopOnSignalsOptions } from './lifecycle.ts';
