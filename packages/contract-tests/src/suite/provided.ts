import type { Vendor } from '@envspec/specs';
import type { TargetEndpoint } from '../targets/target.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoints: TargetEndpoint[];
    coverageDir: string;
    vendors: Vendor[];
  }
}
