// Draws a neighbourhood with sigma.js (WebGL) over the graph network/layout.ts builds.
// Imported only by the network view, itself loaded on demand: the initial bundle stays small.
import Sigma from "sigma";
import { buildGraph, settle, type DrawnEdge, type DrawnNode, type SizeBy } from "./layout";

export type Drawing = { kill: () => void; nodeCount: number };
const FADED = "#e6e6e6";

export function draw(
  container: HTMLElement,
  nodes: DrawnNode[],
  edges: DrawnEdge[],
  options: { colourOf: (node: DrawnNode) => string; onOpen: (id: string) => void; sizeBy: SizeBy },
): Drawing {
  const graph = buildGraph(nodes, edges, options.colourOf, options.sizeBy);
  let hovered: string | null = null;
  const renderer = new Sigma(graph, container, {
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 6,
    nodeReducer: (node, data) => {
      if (!hovered || node === hovered || graph.areNeighbors(node, hovered)) return { ...data, highlighted: node === hovered };
      return { ...data, color: FADED, label: "" };
    },
    edgeReducer: (edge, data) => {
      if (!hovered || graph.hasExtremity(edge, hovered)) return data;
      return { ...data, hidden: true };
    },
  });
  renderer.on("enterNode", ({ node }) => {
    hovered = node;
    container.style.cursor = "pointer";
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on("leaveNode", () => {
    hovered = null;
    container.style.cursor = "";
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on("clickNode", ({ node }) => options.onOpen(node));
  const stopLayout = settle(graph);
  return {
    kill: () => {
      stopLayout();
      renderer.kill();
    },
    nodeCount: graph.order,
  };
}
