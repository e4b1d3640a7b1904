import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '../..');
const apiTarget = `http://localhost:${process.env.API_PORT || 3000}`;

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    // Same alias as tsconfig.base.json paths: the web shares enums and constants with the API.
    alias: {
      '@wissensnetz/domain': path.join(repoRoot, 'libs/domain/src/index.ts'),
    },
  },
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // ws: graphql-ws subscriptions (live tandem notes) share the path.
      '/graphql': { target: apiTarget, ws: true },
      '/health': apiTarget,
      // Attachment upload and download are plain HTTP next to GraphQL.
      '/api': apiTarget,
      '/files': apiTarget,
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/graphql': { target: apiTarget, ws: true },
      '/health': apiTarget,
      '/api': apiTarget,
      '/files': apiTarget,
    },
  },
});
