// The store contract lives in the vendor core, where the mock's engine uses it too.
export { updateWithRetry, type Store, type Versioned } from '@envspec/vendors';
