import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

// The build goes to dist/; the node's MSBuild target (Web.targets) copies it into the Silo's wwwroot.
export default defineConfig({
  plugins: [solid()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:5000', '/hub': { target: 'http://localhost:5000', ws: true } } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
