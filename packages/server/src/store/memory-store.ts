// The in-memory store lives in the vendor core, where the mock's engine uses it too.
export { MemoryStore } from '@envspec/vendors';
