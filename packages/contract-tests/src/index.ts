/** One contract suite per vendor, run against any target that speaks the vendor's API over HTTP. */
export { defineContractSuite } from './suite/define-contract-suite.ts';
export { startTargets, type RunningTargets } from './targets/start-targets.ts';
export { parseTargetKinds, targetKinds, targetTraits, type TargetEndpoint, type TargetKind } from './targets/target.ts';
export { vendorContracts } from './vendors/index.ts';
export type { StatefulCase, StatusCase, VendorContract } from './vendors/vendor-contract.ts';
export { buildCoverage, formatCoverage, type CoverageRow } from './coverage/coverage-report.ts';
export { runContracts, type ContractRunOptions } from './run/run-contracts.ts';
