// A small history-API router: every view has a shareable URL and back/forward redraw it.
import { useEffect, useState } from "preact/hooks";

export type Route =
  | { view: "search"; q: string; type: string | null; after: string | null; facet: string | null }
  | { view: "experts"; topic: string; country: string; language: string }
  | { view: "path"; from: string | null; to: string | null }
  | { view: "signin" }
  | { view: "import" }
  | { view: "feed" }
  | { view: "node" | "timeline" | "cascade"; id: string }
  | { view: "network"; id: string; filters: NetworkFilters }
  | { view: "missing" };

/** The network view's choices, kept in its URL so that links and back/forward keep them.
 * Names are not checked here: the view drops those it does not know. */
export type NetworkFilters = {
  depth: 1 | 2;
  types: string[];
  relationships: string[];
  sizeBy: "degree" | "centrality";
  colour: "type" | "community";
};

export const NO_FILTERS: NetworkFilters = { depth: 1, types: [], relationships: [], sizeBy: "degree", colour: "type" };

function networkFilters(query: URLSearchParams): NetworkFilters {
  const list = (name: string): string[] => (query.get(name) ?? "").split(",").filter(Boolean);
  return {
    depth: query.get("depth") === "2" ? 2 : 1,
    types: list("types"),
    relationships: list("rel"),
    sizeBy: query.get("size") === "centrality" ? "centrality" : "degree",
    colour: query.get("colour") === "community" ? "community" : "type",
  };
}

/** A network view's URL; defaults are left out, so the plain link stays `/network/{id}`. */
export function networkHref(id: string, filters: NetworkFilters): string {
  return href(nodeHref("network", id), {
    depth: filters.depth === 1 ? null : String(filters.depth),
    types: filters.types.join(","),
    rel: filters.relationships.join(","),
    size: filters.sizeBy === "degree" ? null : filters.sizeBy,
    colour: filters.colour === "type" ? null : filters.colour,
  });
}

const listeners = new Set<() => void>();

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  listeners.forEach((listener) => listener());
}

if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => listeners.forEach((listener) => listener()));
}

export function parseRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  const get = (name: string): string | null => query.get(name) || null;
  if (pathname === "/" || pathname === "/search") {
    return { view: "search", q: get("q") ?? "", type: get("type"), after: get("after"), facet: get("facet") };
  }
  if (pathname === "/experts") {
    return {
      view: "experts",
      topic: get("topic") ?? "",
      country: get("country") ?? "",
      language: get("language") ?? "",
    };
  }
  if (pathname === "/path") return { view: "path", from: get("from"), to: get("to") };
  if (pathname === "/signin") return { view: "signin" };
  if (pathname === "/import") return { view: "import" };
  if (pathname === "/feed") return { view: "feed" };
  const entity = /^\/(node|network|timeline|cascade)\/([^/]+)\/?$/.exec(pathname);
  if (entity) {
    const view = entity[1] as "node" | "network" | "timeline" | "cascade";
    const id = decodeURIComponent(entity[2]);
    return view === "network" ? { view, id, filters: networkFilters(query) } : { view, id };
  }
  return { view: "missing" };
}

/** The current route, redrawn on navigation and on back/forward. */
export function useRoute(): Route {
  const read = (): Route => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const listener = (): void => setRoute(read());
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return route;
}

/** A URL with its query string, leaving out empty values. */
export function href(path: string, params: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const nodeHref = (view: "node" | "network" | "timeline" | "cascade", id: string): string =>
  `/${view}/${encodeURIComponent(id)}`;
