import { defineParitySuite } from '../suite/define-parity-suite.ts';

defineParitySuite('launchdarkly');
