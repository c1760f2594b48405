// `/network/{id}`: the neighbourhood as an interactive WebGL graph, with filters, community
// colours, a text list of what is drawn, and downloads through the hub's export routes.
import { useQuery } from "@urql/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import {
  CommunitiesDocument,
  NeighbourhoodDocument,
  type EntityType,
  type ProjectionKind,
  type RelationshipType,
} from "../generated/graphql";
import { Link, TYPENAMES } from "../components/links";
import { Loading, NotFound, QueryError, isNotFound } from "../components/status";
import { Txt } from "../components/text";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { href, navigate, nodeHref } from "../lib/router";
import { COMMUNITY_COLOURS, TYPE_COLOURS, draw, type DrawnNode } from "../network/draw";

const ENTITY_TYPES = Object.keys(TYPENAMES) as EntityType[];
const RELATIONSHIPS: RelationshipType[] = [
  "WORKS_FOR", "TOOK_PART", "BASED_IN", "HELD_IN", "PART_OF", "FUNDED_BY",
  "IMPLEMENTED_BY", "COVERS", "ABOUT", "CASCADES_FROM", "DESCRIBES", "MENTIONS", "IN",
];
const PROJECTIONS: Partial<Record<EntityType, ProjectionKind>> = {
  EXPERT: "EXPERTS_BY_EVENTS",
  AGENCY: "AGENCIES_BY_EVENTS",
  COUNTRY: "COUNTRIES_BY_PROGRAMMES",
};

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function NetworkView({ id }: { id: string }) {
  const { t } = useI18n();
  const [depth, setDepth] = useState(1);
  const [types, setTypes] = useState<EntityType[]>([]);
  const [relationships, setRelationships] = useState<RelationshipType[]>([]);
  const [byCommunity, setByCommunity] = useState(false);
  const [result] = useQuery({
    query: NeighbourhoodDocument,
    variables: { id, depth, types: types.length ? types : null, relationships: relationships.length ? relationships : null },
  });
  const centreType = result.data?.neighbourhood.center.label;
  const projection = centreType ? PROJECTIONS[centreType] : undefined;
  const [communities] = useQuery({
    query: CommunitiesDocument,
    variables: { projection: { kind: projection ?? "AGENCIES_BY_EVENTS" } },
    pause: !byCommunity || !projection,
  });
  if (isNotFound(result.error)) return <NotFound />;
  if (result.error && !result.data) return <QueryError error={result.error} />;
  if (!result.data) return <Loading />;
  const subgraph = result.data.neighbourhood;
  const community = new Map<string, number>();
  communities.data?.communities.communities.forEach((c) => c.members.forEach((m) => community.set(m.node.id, c.index)));
  const colourOf = (node: DrawnNode): string =>
    byCommunity && community.has(node.id)
      ? COMMUNITY_COLOURS[(community.get(node.id) ?? 0) % COMMUNITY_COLOURS.length]
      : TYPE_COLOURS[node.type] ?? "#333";
  const nodes: DrawnNode[] = subgraph.nodes.map((node) => ({
    id: node.id,
    label: node.name.text,
    type: node.label,
    distance: node.distance,
  }));
  const exportQuery = {
    id,
    depth: String(depth),
    types: types.map((type) => TYPENAMES[type]).join(","),
    relationships: relationships.join(","),
  };
  return (
    <section class="network">
      <h1>
        {t("networkTitle", { name: "" })}
        <Link href={nodeHref("node", subgraph.center.id)}>
          <Txt value={subgraph.center.name} />
        </Link>
      </h1>
      <form class="network-controls" onSubmit={(event) => event.preventDefault()}>
        <label for="depth">
          {t("depth")}{" "}
          <select id="depth" value={depth} onChange={(event) => setDepth(Number(event.currentTarget.value))}>
            <option value="1">1</option>
            <option value="2">2</option>
          </select>
        </label>
        <fieldset>
          <legend>{t("types")}</legend>
          {ENTITY_TYPES.map((type) => (
            <label key={type}>
              <input type="checkbox" checked={types.includes(type)} onChange={() => setTypes(toggle(types, type))} />
              <span class="swatch" style={{ background: TYPE_COLOURS[type] }} aria-hidden="true" />
              {t(`type_${TYPENAMES[type]}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("relationships")}</legend>
          {RELATIONSHIPS.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={relationships.includes(type)}
                onChange={() => setRelationships(toggle(relationships, type))}
              />
              {type.toLowerCase().replace(/_/g, " ")}
            </label>
          ))}
        </fieldset>
        {projection ? (
          <label>
            <input type="checkbox" checked={byCommunity} onChange={() => setByCommunity(!byCommunity)} /> {t("colourBy")}{" "}
            {t("colourCommunity")}
          </label>
        ) : null}
      </form>
      <Canvas key={`${depth}-${types.join()}-${relationships.join()}-${byCommunity && community.size}`} nodes={nodes}
        edges={subgraph.edges.map((e) => ({ source: e.source, target: e.target, type: e.type }))} colourOf={colourOf} />
      {subgraph.truncated ? <p class="hint">{t("truncated")}</p> : null}
      <p class="exports">
        {t("exportAs")}:{" "}
        {["graphml", "gexf", "csv"].map((format) => (
          <a key={format} class="button" href={href(`/export/neighbourhood.${format}`, exportQuery)} download>
            {format.toUpperCase()}
          </a>
        ))}
      </p>
      <section aria-labelledby="drawn-title">
        <h2 id="drawn-title">{t("nodesList", { count: nodes.length })}</h2>
        <ul class="node-list">
          {subgraph.nodes.map((node) => (
            <li key={node.id} data-type={node.label}>
              <span class="swatch" style={{ background: colourOf({ id: node.id, label: "", type: node.label, distance: null }) }} aria-hidden="true" />
              <Link href={nodeHref("node", node.id)}>
                <Txt value={node.name} />
              </Link>{" "}
              <span class="detail">{t(`type_${TYPENAMES[node.label]}` as MessageKey)}</span>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function Canvas(props: { nodes: DrawnNode[]; edges: { source: string; target: string; type: string }[]; colourOf: (node: DrawnNode) => string }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const drawing = draw(container.current, props.nodes, props.edges, {
      colourOf: props.colourOf,
      onOpen: (id) => navigate(nodeHref("node", id)),
    });
    container.current.dataset.drawn = String(drawing.nodeCount);
    return () => drawing.kill();
  }, []);
  return <div class="canvas" ref={container} role="img" aria-label={t("canvasLabel")} />;
}
