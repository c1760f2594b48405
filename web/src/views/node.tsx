// `/node/{id}`: any entity's fields in the chosen data language, related lists, sources, gaps.
import { useQuery } from "@urql/preact";
import { useState } from "preact/hooks";
import { NodePageDocument, type NodePageQuery, type ParticipationsFragment } from "../generated/graphql";
import { Link, NodeLink, TypeBadge } from "../components/links";
import { NotFound, Pending, isNotFound } from "../components/status";
import { Source, Txt } from "../components/text";
import { useI18n, type I18n } from "../i18n";
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

const refs = (nodes: RelatedItem["node"][]): RelatedItem[] => nodes.map((node) => ({ node }));
type StatedEdge = { node: RelatedItem["node"]; source: string | null };
/** A link with what its source says about it (role, dates, amount...) and that source. */
const stated = (edge: StatedEdge, ...said: (string | null | undefined)[]): RelatedItem =>
  ({ node: edge.node, extra: joined(...said), source: edge.source });
/** Who works for whom (an expert's agencies, an agency's experts): the same edge either way. */
type Membership = StatedEdge & { role: string | null; since: string | null; until: string | null };
const memberships = (edges: Membership[]): RelatedItem[] => edges.map((e) => stated(e, e.role, e.since, e.until));

function related(node: Entity, more: () => void, i18n: I18n) {
  const when = (start: string | null): string | null => formatDate(start, i18n.dates);
  const dated = (nodes: (RelatedItem["node"] & { start: string | null })[]): RelatedItem[] =>
    nodes.map((n) => ({ node: n, extra: when(n.start) }));
  const participations = (edges: ParticipationsFragment["edges"]): RelatedItem[] =>
    edges.map((e) => stated(e, e.role, e.count?.toString(), when(e.node.start)));
  switch (node.__typename) {
    case "Expert":
      return (
        <>
          <Related title="relAgencies" total={node.agencies.totalCount} onMore={more}
            items={memberships(node.agencies.edges)} />
          <Related title="relEvents" total={node.events.totalCount} onMore={more}
            items={participations(node.events.edges)} />
          <Related title="relTopics" total={node.topics.totalCount} onMore={more} items={refs(node.topics.nodes)} />
          <Related title="relMentionedIn" total={node.mentionedIn.totalCount} onMore={more} items={refs(node.mentionedIn.nodes)} />
        </>
      );
    case "Agency":
      return (
        <>
          <Related title="relExperts" total={node.experts.totalCount} onMore={more}
            items={memberships(node.experts.edges)} />
          <Related title="relEvents" total={node.events.totalCount} onMore={more}
            items={participations(node.events.edges)} />
          <Related title="relMentionedIn" total={node.mentionedIn.totalCount} onMore={more} items={refs(node.mentionedIn.nodes)} />
        </>
      );
    case "Country":
      return (
        <>
          <Related title="relAgencies" total={node.agencies.totalCount} onMore={more} items={refs(node.agencies.nodes)} />
          <Related title="relEvents" total={node.events.totalCount} onMore={more}
            items={dated(node.events.nodes)} />
          <Related title="relProgrammes" total={node.programmes.totalCount} onMore={more} items={refs(node.programmes.nodes)} />
        </>
      );
    case "Place":
      return (
        <>
          <Related title="relEvents" total={node.events.totalCount} onMore={more}
            items={dated(node.events.nodes)} />
          <Related title="relAgencies" total={node.agencies.totalCount} onMore={more} items={refs(node.agencies.nodes)} />
        </>
      );
    case "Programme":
      return (
        <>
          <Related title="relFunders" total={node.funders.totalCount} onMore={more}
            items={node.funders.edges.map((e) => stated(e, e.text))} />
          <Related title="relImplementers" total={node.implementers.totalCount} onMore={more}
            items={node.implementers.edges.map((e) => stated(e, e.role))} />
          <Related title="relEvents" total={node.events.totalCount} onMore={more}
            items={dated(node.events.nodes)} />
        </>
      );
    case "Event":
      return (
        <>
          <Related title="relParticipants" total={node.participants.totalCount} onMore={more}
            items={node.participants.edges.map((e) => stated(e, e.role, e.count?.toString()))} />
          <Related title="relCascades" total={node.cascades.totalCount} onMore={more}
            items={dated(node.cascades.nodes)} />
          <Related title="relDescribedBy" total={node.describedBy.totalCount} onMore={more} items={refs(node.describedBy.nodes)} />
        </>
      );
    case "Topic":
      return (
        <>
          <Related title="relExperts" total={node.experts.totalCount} onMore={more} items={refs(node.experts.nodes)} />
          <Related title="relEvents" total={node.events.totalCount} onMore={more}
            items={dated(node.events.nodes)} />
        </>
      );
    case "Resource":
      return <Related title="relMentions" total={node.mentions.totalCount} onMore={more} items={refs(node.mentions.nodes)} />;
    default:
      return null;
  }
}
