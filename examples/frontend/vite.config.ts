import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    // Top-level await in main.ts starts MSW before the first request.
    target: 'es2022',
    // The in-browser mock's chunk carries four specs, Ajv and the vendor cores.
    chunkSizeWarningLimit: 1500,
  },
});
