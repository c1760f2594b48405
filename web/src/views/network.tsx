// `/network/{id}`: the neighbourhood as an interactive WebGL graph, with filters, community
// colours, a text list of what is drawn, and downloads through the hub's export routes.
import { useQuery } from "@urql/preact";
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { CommunitiesDocument, NeighbourhoodDocument } from "../generated/graphql";
import { EntityView, Link, TYPENAMES } from "../components/links";
import { Pending, isNotFound } from "../components/status";
import { Txt } from "../components/text";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { href, navigate, networkHref, nodeHref, type NetworkFilters } from "../lib/router";
import { draw } from "../network/draw";
import { ENTITY_TYPES, PROJECTIONS, RELATIONSHIPS, knownFilters, toggle } from "../network/filters";
import { COMMUNITY_COLOURS, TYPE_COLOURS, type DrawnNode, type SizeBy } from "../network/layout";

export function NetworkView({ id, filters }: { id: string; filters: NetworkFilters }) {
  const { t } = useI18n();
  const chosen = knownFilters(filters);
  const { depth, types, relationships, sizeBy } = chosen;
  const byCommunity = chosen.colour === "community";
  /** Every change is a new history entry: back undoes it, the address shares it. */
  const change = (update: Partial<NetworkFilters>): void => navigate(networkHref(id, { ...chosen, ...update }));
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
  if (!result.data || isNotFound(result.error)) return <Pending result={result} />;
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
    <EntityView view="network" node={subgraph.center}>
      <form class="network-controls" onSubmit={(event) => event.preventDefault()}>
        <label for="depth">
          {t("depth")}{" "}
          <select id="depth" value={depth} onChange={(event) => change({ depth: event.currentTarget.value === "2" ? 2 : 1 })}>
            <option value="1">1</option>
            <option value="2">2</option>
          </select>
        </label>
        <Checkboxes legend="types" options={ENTITY_TYPES} chosen={types} onChange={(chosen) => change({ types: chosen })}
          label={(type) => (
            <>
              <span class="swatch" style={{ background: TYPE_COLOURS[type] }} aria-hidden="true" />
              {t(`type_${TYPENAMES[type]}` as MessageKey)}
            </>
          )} />
        <Checkboxes legend="relationships" options={RELATIONSHIPS} chosen={relationships}
          onChange={(chosen) => change({ relationships: chosen })} label={(type) => type.toLowerCase().replace(/_/g, " ")} />
        {projection ? (
          <label>
            <input type="checkbox" checked={byCommunity} onChange={() => change({ colour: byCommunity ? "type" : "community" })} />{" "}
            {t("colourBy")} {t("colourCommunity")}
          </label>
        ) : null}
        <label for="size-by">
          {t("sizeBy")}{" "}
          <select id="size-by" value={sizeBy} onChange={(event) => change({ sizeBy: event.currentTarget.value === "centrality" ? "centrality" : "degree" })}>
            <option value="degree">{t("sizeDegree")}</option>
            <option value="centrality">{t("sizeCentrality")}</option>
          </select>
        </label>
      </form>
      <Canvas key={`${depth}-${types.join()}-${relationships.join()}-${sizeBy}-${byCommunity && community.size}`} nodes={nodes}
        edges={subgraph.edges.map((e) => ({ source: e.source, target: e.target, type: e.type }))} colourOf={colourOf} sizeBy={sizeBy} />
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
    </EntityView>
  );
}

type CheckboxesProps<T extends string> = {
  legend: MessageKey;
  options: readonly T[];
  chosen: T[];
  onChange: (chosen: T[]) => void;
  label: (option: T) => ComponentChildren;
};

/** A filter of several choices (entity types, relationships): one checkbox each, ticked when chosen. */
function Checkboxes<T extends string>({ legend, options, chosen, onChange, label }: CheckboxesProps<T>) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t(legend)}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="checkbox" checked={chosen.includes(option)} onChange={() => onChange(toggle(chosen, option))} />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}

type CanvasProps = {
  nodes: DrawnNode[];
  edges: { source: string; target: string; type: string }[];
  colourOf: (node: DrawnNode) => string;
  sizeBy: SizeBy;
};

function Canvas(props: CanvasProps) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const drawing = draw(container.current, props.nodes, props.edges, {
      colourOf: props.colourOf,
      sizeBy: props.sizeBy,
      onOpen: (id) => navigate(nodeHref("node", id)),
    });
    container.current.dataset.drawn = String(drawing.nodeCount);
    return () => drawing.kill();
  }, []);
  return <div class="canvas" ref={container} role="img" aria-label={t("canvasLabel")} />;
}
