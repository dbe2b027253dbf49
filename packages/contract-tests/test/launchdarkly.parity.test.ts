import { defineParitySuite } from '../src/suite/define-parity-suite.ts';

defineParitySuite('launchdarkly');
