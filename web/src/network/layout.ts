// A neighbourhood as a graphology graph: colours, sizes (degree or betweenness) and a
// ForceAtlas2 layout; no drawing here, so it runs (and is tested) without WebGL.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";

export type DrawnNode = { id: string; label: string; type: string; distance: number | null };
export type DrawnEdge = { source: string; target: string; type: string };
export type SizeBy = "degree" | "centrality";

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

/** Each node's size: by its number of ties, or by how many shortest paths between others run
 * through it (betweenness over the ties taken both ways), from 4 to about 20 pixels. */
export function nodeSizes(graph: Graph, sizeBy: SizeBy): Map<string, number> {
  const sizes = new Map<string, number>();
  if (sizeBy === "degree") {
    graph.forEachNode((id) => sizes.set(id, 4 + 2.5 * Math.sqrt(graph.degree(id))));
    return sizes;
  }
  const ties = new Graph({ type: "undirected" });
  graph.forEachNode((id) => ties.addNode(id));
  graph.forEachEdge((_, __, source, target) => {
    if (source !== target) ties.mergeEdge(source, target);
  });
  const centrality = betweennessCentrality(ties, { normalized: true });
  const most = Math.max(...Object.values(centrality), Number.EPSILON);
  graph.forEachNode((id) => sizes.set(id, 4 + 16 * Math.sqrt((centrality[id] ?? 0) / most)));
  return sizes;
}

/** The graph with sizes and a first layout, rings by distance; ForceAtlas2 refines it
 * (`settle`) while the drawing is already on screen. */
export function buildGraph(
  nodes: DrawnNode[],
  edges: DrawnEdge[],
  colourOf: (node: DrawnNode) => string,
  sizeBy: SizeBy = "degree",
): Graph {
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
  nodeSizes(graph, sizeBy).forEach((size, id) => graph.setNodeAttribute(id, "size", size));
  return graph;
}


/** How long ForceAtlas2 runs, in a web worker: the page answers hovers and clicks meanwhile,
 * and sigma redraws the nodes as they move. */
export const SETTLE_MS = 1500;

/** Lays `graph` out with ForceAtlas2 in a worker for `ms`; the returned function stops it. */
export function settle(graph: Graph, ms = SETTLE_MS): () => void {
  if (graph.order < 2) return () => undefined;
  const settings = forceAtlas2.inferSettings(graph);
  const layout = new FA2Layout(graph, { settings: { ...settings, barnesHutOptimize: graph.order > 300 } });
  layout.start();
  const timer = setTimeout(() => layout.stop(), ms);
  return () => {
    clearTimeout(timer);
    layout.kill();
  };
}
