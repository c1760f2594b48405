import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { NO_FILTERS, networkHref, parseRoute } from "../src/lib/router";
import { nodeSizes } from "../src/network/layout";
import { knownFilters } from "../src/network/filters";

describe("the network view's filters in its URL", () => {
  it("leaves the defaults out, so the plain link stays /network/{id}", () => {
    expect(networkHref("abc", NO_FILTERS)).toBe("/network/abc");
  });
  it("reads back what it wrote", () => {
    const filters = { depth: 2, types: ["EXPERT", "EVENT"], relationships: ["TOOK_PART"], sizeBy: "centrality", colour: "community" } as const;
    const url = new URL(networkHref("abc", { ...filters, types: [...filters.types], relationships: [...filters.relationships] }), "http://hub");
    expect(parseRoute(url.pathname, url.search)).toEqual({
      view: "network",
      id: "abc",
      filters: { ...filters, types: ["EXPERT", "EVENT"], relationships: ["TOOK_PART"] },
    });
  });
  it("takes defaults for values it does not know, and the view drops unknown names", () => {
    const route = parseRoute("/network/abc", "?depth=9&size=huge&types=EXPERT,NOPE&rel=IN,DROP+TABLE");
    expect(route).toMatchObject({ filters: { depth: 1, sizeBy: "degree", colour: "type" } });
    if (route.view !== "network") throw new Error(route.view);
    expect(knownFilters(route.filters)).toMatchObject({ types: ["EXPERT"], relationships: ["IN"] });
  });
});

describe("node sizes", () => {
  // a - hub - b, hub - c: the hub has the most ties and lies on every path between the others.
  const graph = new Graph({ multi: true, type: "directed" });
  ["a", "hub", "b", "c"].forEach((id) => graph.addNode(id));
  graph.addDirectedEdge("a", "hub");
  graph.addDirectedEdge("hub", "b");
  graph.addDirectedEdge("c", "hub");
  it("grow with the number of ties", () => {
    const sizes = nodeSizes(graph, "degree");
    expect(sizes.get("hub")).toBeGreaterThan(sizes.get("a") ?? 0);
    expect(sizes.get("a")).toBe(sizes.get("b"));
  });
  it("grow with betweenness, whatever the links' direction", () => {
    const sizes = nodeSizes(graph, "centrality");
    expect(sizes.get("hub")).toBeCloseTo(20);
    expect(sizes.get("a")).toBe(4);
    expect(sizes.get("c")).toBe(4);
  });
});
