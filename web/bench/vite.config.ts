// Builds the network budget page (bench/web_budgets.py) into web/bench/dist; never served by the hub.
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  plugins: [preact()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
});
