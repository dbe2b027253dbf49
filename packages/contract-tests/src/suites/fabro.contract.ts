import { defineContractSuite } from '../suite/define-contract-suite.ts';

defineContractSuite('fabro');
