import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the editor and console into `dist/`, which the Xiaoer server serves at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    // The console, and the customers' chat page (small, no React).
    rollupOptions: {
      input: {
        console: `${import.meta.dirname}/index.html`,
        chat: `${import.meta.dirname}/chat.html`,
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
