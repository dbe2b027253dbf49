// The stored-value copy lives in the vendor core, beside the in-memory store that uses it.
export { cloneValue } from '@envspec/vendors';
