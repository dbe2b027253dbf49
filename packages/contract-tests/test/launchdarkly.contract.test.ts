import { defineContractSuite } from '../src/suite/define-contract-suite.ts';

defineContractSuite('launchdarkly');
