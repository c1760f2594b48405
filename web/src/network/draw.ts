// Draws a neighbourhood with sigma.js (WebGL) over a graphology graph laid out by ForceAtlas2.
// Imported only by the network view, itself loaded on demand: the initial bundle stays small.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";

export type DrawnNode = { id: string; label: string; type: string; distance: number | null };
export type DrawnEdge = { source: string; target: string; type: string };
export type Drawing = { kill: () => void; nodeCount: number };

export const TYPE_COLOURS: Record<string, string> = {
  EXPERT: "#1f77b4",
  AGENCY: "#d62728",
  COUNTRY: "#2ca02c",
  PLACE: "#8c564b",
  PROGRAMME: "#9467bd",
  EVENT: "#ff7f0e",
  TOPIC: "#17becf",
  RESOURCE: "#7f7f7f",
};
export const COMMUNITY_COLOURS = [
  "#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628",
  "#f781bf", "#999999", "#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3",
];
const FADED = "#e6e6e6";

/** The graph with sizes by degree and a first layout: rings by distance, then ForceAtlas2. */
export function buildGraph(nodes: DrawnNode[], edges: DrawnEdge[], colourOf: (node: DrawnNode) => string): Graph {
  const graph = new Graph({ multi: true, type: "directed" });
  const rings = new Map<number, number>();
  nodes.forEach((node) => rings.set(node.distance ?? 0, (rings.get(node.distance ?? 0) ?? 0) + 1));
  const placed = new Map<number, number>();
  for (const node of nodes) {
    const ring = node.distance ?? 0;
    const index = placed.get(ring) ?? 0;
    placed.set(ring, index + 1);
    const angle = (2 * Math.PI * index) / (rings.get(ring) ?? 1);
    graph.addNode(node.id, {
      label: node.label,
      x: ring * Math.cos(angle) * 10,
      y: ring * Math.sin(angle) * 10,
      color: colourOf(node),
      entityType: node.type,
    });
  }
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) {
      graph.addDirectedEdge(edge.source, edge.target, { color: "#b0b0b0", size: 1, label: edge.type });
    }
  }
  graph.forEachNode((id) => graph.setNodeAttribute(id, "size", 4 + 2.5 * Math.sqrt(graph.degree(id))));
  if (graph.order > 1) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, { iterations: 150, settings: { ...settings, barnesHutOptimize: graph.order > 300 } });
  }
  return graph;
}

export function draw(
  container: HTMLElement,
  nodes: DrawnNode[],
  edges: DrawnEdge[],
  options: { colourOf: (node: DrawnNode) => string; onOpen: (id: string) => void },
): Drawing {
  const graph = buildGraph(nodes, edges, options.colourOf);
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
  return { kill: () => renderer.kill(), nodeCount: graph.order };
}
