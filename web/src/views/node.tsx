// `/node/{id}`: any entity's fields in the chosen data language, related lists, sources, gaps.
import { useQuery } from "@urql/preact";
import { useState } from "preact/hooks";
import { NodePageDocument, type NodePageQuery } from "../generated/graphql";
import { Link, NodeLink, TypeBadge } from "../components/links";
import { NotFound, Pending, isNotFound } from "../components/status";
import { Source, Txt } from "../components/text";
import { useI18n, type I18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { formatDate } from "../lib/dates";
import { nodeHref } from "../lib/router";
import { Field, OpenQuestions, Related, joined, type RelatedItem } from "./node-parts";

const PAGE = 10;
const MAX = 100;
type Entity = NonNullable<NodePageQuery["node"]>;

export function NodeView({ id }: { id: string }) {
  const [first, setFirst] = useState(PAGE);
  const [result] = useQuery({ query: NodePageDocument, variables: { id, first } });
  const i18n = useI18n();
  if (!result.data || isNotFound(result.error)) return <Pending result={result} />;
  const node = result.data.node;
  if (!node) return <NotFound />;
  const more = (): void => setFirst(Math.min(MAX, first + PAGE * 2));
  return (
    <article class="node">
      <header>
        <TypeBadge typename={node.__typename} />
        <h1>
          <Txt value={node.name} />
        </h1>
        <ViewLinks node={node} i18n={i18n} />
      </header>
      <dl class="fields">{fields(node, i18n)}</dl>
      <OpenQuestions items={openQuestions(node, i18n)} />
      {related(node, more, i18n)}
      {node.source ? (
        <p class="provenance">
          <Source source={node.source} />
        </p>
      ) : null}
    </article>
  );
}

function ViewLinks({ node, i18n }: { node: Entity; i18n: I18n }) {
  const { t } = i18n;
  const timeline = ["Agency", "Country", "Programme", "Topic"].includes(node.__typename);
  const cascade = node.__typename === "Event";
  return (
    <nav class="views" aria-label={t("viewNetwork")}>
      <Link href={nodeHref("network", node.id)}>{t("viewNetwork")}</Link>
      {timeline ? <Link href={nodeHref("timeline", node.id)}>{t("viewTimeline")}</Link> : null}
      {cascade ? <Link href={nodeHref("cascade", node.id)}>{t("viewCascade")}</Link> : null}
    </nav>
  );
}

function dates(start: string | null, end: string | null, i18n: I18n): string | null {
  const from = formatDate(start, i18n.dates);
  const to = formatDate(end, i18n.dates);
  return from && to && to !== from ? `${from} – ${to}` : from;
}

function fields(node: Entity, i18n: I18n) {
  const kind = "kind" in node ? node.kind?.replace(/_/g, " ") : null;
  switch (node.__typename) {
    case "Expert":
      return (
        <>
          <Field label="fieldHonorific">{node.honorific}</Field>
          <Field label="fieldRoles">{node.roles.join("; ")}</Field>
          <Field label="fieldAliases">{node.aliases.join(", ")}</Field>
          <Field label="fieldLanguages">{node.languages.join(", ")}</Field>
          <Field label="fieldEmail">{node.email}</Field>
          <Field label="fieldPhone">{node.phone}</Field>
        </>
      );
    case "Agency":
      return (
        <>
          <Field label="fieldKind">{joined(node.acronym, kind)}</Field>
          <Field label="fieldCountry">{node.country ? <NodeLink node={node.country} /> : null}</Field>
          <Field label="fieldPlace">{node.place ? <NodeLink node={node.place} /> : null}</Field>
          <Field label="fieldParent">{node.parent ? <NodeLink node={node.parent} /> : null}</Field>
          <Field label="fieldAddress">{node.address}</Field>
          <Field label="fieldEmail">{node.email}</Field>
          <Field label="fieldPhone">{node.phone}</Field>
        </>
      );
    case "Country":
      return <Field label="fieldKind">{node.iso2}</Field>;
    case "Place":
      return (
        <>
          <Field label="fieldKind">{kind}</Field>
          <Field label="fieldCountry">{node.country ? <NodeLink node={node.country} /> : null}</Field>
        </>
      );
    case "Programme":
      return (
        <>
          <Field label="fieldKind">{joined(node.acronym, kind)}</Field>
          <Field label="fieldDates">{dates(node.start, node.end, i18n)}</Field>
          <Field label="fieldBudget">{node.budget?.text}</Field>
          <Field label="fieldParent">{node.parent ? <NodeLink node={node.parent} /> : null}</Field>
        </>
      );
    case "Event":
      return (
        <>
          <Field label="fieldKind">{kind}</Field>
          <Field label="fieldStatus">{node.status}</Field>
          <Field label="fieldDates">{dates(node.start, node.end, i18n)}</Field>
          <Field label="fieldPlace">{node.place ? <NodeLink node={node.place} /> : null}</Field>
          <Field label="fieldCountry">{node.country ? <NodeLink node={node.country} /> : null}</Field>
          <Field label="fieldProgramme">{node.programme ? <NodeLink node={node.programme} /> : null}</Field>
          <Field label="fieldCascadesFrom">{node.cascadesFrom ? <NodeLink node={node.cascadesFrom} /> : null}</Field>
          <Field label="fieldParticipants">
            {joined(
              node.participantCount !== null ? i18n.t("countGiven", { count: node.participantCount }) : null,
              node.participantDescription,
            )}
          </Field>
          <Field label="fieldCountries">{node.countryCount}</Field>
          <Field label="fieldSummary">{node.summary ? <Txt value={node.summary} /> : null}</Field>
        </>
      );
    case "Resource":
      return (
        <>
          <Field label="fieldKind">{kind}</Field>
          <Field label="fieldPublished">{formatDate(node.published, i18n.dates)}</Field>
          <Field label="fieldUrl">{node.url ? <a href={node.url}>{node.url}</a> : null}</Field>
          <Field label="fieldSummary">{node.body ? <Txt value={node.body} /> : null}</Field>
          <Field label="contradictions">
            {node.contradictions.length ? (
              <ul>
                {node.contradictions.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </Field>
        </>
      );
    default:
      return null;
  }
}

function openQuestions(node: Entity, i18n: I18n): string[] {
  const items: string[] = [];
  if (node.note) items.push(node.note);
  if (node.__typename === "Event") {
    if (node.start?.startsWith("--")) items.push(`${i18n.t("fieldDates")}: ${i18n.t("yearMissing")}`);
    if (node.participantCount === null) items.push(i18n.t("countMissing"));
  }
  return items;
}

type Listed = RelatedItem["node"] & { start?: string | null };
/** A related list as NodePage asks for it: `nodes` (dated when they have a start), or `edges`
 * with what their source says about the link (amount, role, count, period) and that source. */
type Connection = {
  totalCount: number;
  nodes?: Listed[];
  edges?: {
    node: Listed;
    source: string | null;
    text?: string | null;
    role?: string | null;
    count?: number | null;
    since?: string | null;
    until?: string | null;
  }[];
};
type Of<T extends Entity["__typename"]> = Extract<Entity, { __typename: T }>;
/** The fields of one entity type that are related lists. */
type Lists<T extends Entity["__typename"]> = { [K in keyof Of<T>]: Of<T>[K] extends Connection ? K : never }[keyof Of<T>] &
  string;

/** Each type's related lists in page order, by field; a list's title is the message `rel<Field>`. */
const RELATED: { [T in Entity["__typename"]]: Lists<T>[] } = {
  Expert: ["agencies", "events", "topics", "mentionedIn"],
  Agency: ["experts", "events", "mentionedIn"],
  Country: ["agencies", "events", "programmes"],
  Place: ["events", "agencies"],
  Programme: ["funders", "implementers", "events"],
  Event: ["participants", "cascades", "describedBy"],
  Topic: ["experts", "events"],
  Resource: ["mentions"],
};

function related(node: Entity, more: () => void, i18n: I18n) {
  const when = (start: string | null | undefined): string | null => formatDate(start, i18n.dates);
  const items = (list: Connection): RelatedItem[] =>
    list.nodes
      ? list.nodes.map((n) => ({ node: n, extra: when(n.start) }))
      : (list.edges ?? []).map((e) => ({
          node: e.node,
          extra: joined(e.text, e.role, e.count?.toString(), e.since, e.until, when(e.node.start)),
          source: e.source,
        }));
  return RELATED[node.__typename].map((field) => {
    const list = (node as unknown as Record<string, Connection>)[field];
    const title = `rel${field[0].toUpperCase()}${field.slice(1)}` as MessageKey;
    return <Related key={field} title={title} total={list.totalCount} onMore={more} items={items(list)} />;
  });
}
