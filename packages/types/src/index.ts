/**
 * Every vendor's generated types under one roof. Friendly names are vendor-prefixed
 * (`QoderEnvironment`, `FabroReplaceEnvironmentRequest`, …); the raw `paths` / `components` /
 * `operations` of each vendor live in namespaces and in the per-vendor entry points.
 */
export type * as qoder from './generated/qoder.ts';
export type * as fabro from './generated/fabro.ts';
export type * as datadog from './generated/datadog.ts';
export type * as launchdarkly from './generated/launchdarkly.ts';
export type * from './generated/index.ts';
