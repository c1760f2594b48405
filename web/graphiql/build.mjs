// Bundles src/main.jsx with React and GraphiQL into dist/graphiql.js and dist/graphiql.css,
// next to the page's own layout rules (dist/page.css).
import { build } from "esbuild";

await build({
  entryPoints: { graphiql: "src/main.jsx" },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: "dist",
  define: { "process.env.NODE_ENV": '"production"' },
  loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".svg": "file" },
  logLevel: "warning",
  legalComments: "linked",
});

import { copyFileSync } from "node:fs";
copyFileSync("src/page.css", "dist/page.css");
