// The network view's 1,000-node budget (bench/web_budgets.py): the real NetworkView, given a
// generated neighbourhood by a urql client whose fetch answers locally (the API caps a
// neighbourhood at 500 nodes, so a real one cannot be this large). Not part of the app's build.
import { Client, fetchExchange } from "@urql/core";
import { Provider } from "@urql/preact";
import { render } from "preact";
import { NO_FILTERS } from "../src/lib/router";
import { NetworkView } from "../src/views/network";
import { syntheticNeighbourhood } from "./synthetic";
import "../src/styles.css";

declare global {
  interface Window {
    budget?: { nodes: number; edges: number; drawnMs: number; interactiveMs: number };
  }
}

const params = new URLSearchParams(location.search);
const size = Number(params.get("nodes") ?? "1000");
const data = syntheticNeighbourhood(size, Number(params.get("degree") ?? "3"));
const client = new Client({
  url: "/graphql",
  exchanges: [fetchExchange],
  fetch: async () => new Response(JSON.stringify({ data }), { headers: { "Content-Type": "application/json" } }),
});
const start = performance.now();
render(
  <Provider value={client}>
    <NetworkView id={data.neighbourhood.center.id} filters={{ ...NO_FILTERS, sizeBy: params.get("size") === "centrality" ? "centrality" : "degree" }} />
  </Provider>,
  document.getElementById("app") as HTMLElement,
);

/** Drawn: the canvas says how many nodes it holds. Interactive: a frame after that has run,
 * i.e. the main thread is free to answer a hover. */
const watch = new MutationObserver(() => {
  const canvas = document.querySelector<HTMLElement>(".canvas[data-drawn]");
  if (!canvas) return;
  watch.disconnect();
  const drawnMs = performance.now() - start;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      window.budget = { nodes: data.neighbourhood.nodes.length, edges: data.neighbourhood.edges.length, drawnMs, interactiveMs: performance.now() - start };
    }),
  );
});
watch.observe(document.body, { subtree: true, attributes: true, childList: true });
