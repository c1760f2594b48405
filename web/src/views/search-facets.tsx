// Facet filters for a type tab, with counts over all the tab's hits (`search { groupBy }`);
// choosing one keeps those of the first 100 hits that fall in the group.
import { useQuery } from "@urql/preact";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  AgenciesInFacetDocument,
  AgencyFacetsDocument,
  EventFacetsDocument,
  EventsInFacetDocument,
  ExpertFacetsDocument,
  ExpertsInFacetDocument,
  ResourceFacetsDocument,
  ResourcesInFacetDocument,
  type BucketFragment,
} from "../generated/graphql";
import { Link } from "../components/links";
import { Txt } from "../components/text";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { href } from "../lib/router";

type Where = Record<string, unknown>;
type Dimension = { name: string; label: MessageKey; where: (key: string) => Where };
type Spec = {
  facets: TypedDocumentNode<{ search: Record<string, BucketFragment[]> }, { query: string }>;
  members: TypedDocumentNode<Record<string, { nodes: { id: string }[] }>, { where: Where }>;
  dimensions: Dimension[];
};

const related = (field: string) => (key: string): Where => ({ [field]: { id: { eq: key } } });

export const FACETED: Record<string, Spec> = {
  EXPERT: {
    facets: ExpertFacetsDocument,
    members: ExpertsInFacetDocument,
    dimensions: [
      { name: "country", label: "facetCountry", where: related("country") },
      { name: "agency", label: "facetAgency", where: related("agency") },
      { name: "topic", label: "facetTopic", where: related("topic") },
      { name: "language", label: "facetLanguage", where: (key) => ({ language: { eq: key } }) },
    ],
  },
  EVENT: {
    facets: EventFacetsDocument,
    members: EventsInFacetDocument,
    dimensions: [
      { name: "year", label: "facetYear", where: (key) => ({ startYear: { eq: Number(key) } }) },
      { name: "country", label: "facetCountry", where: related("country") },
      { name: "topic", label: "facetTopic", where: related("topic") },
    ],
  },
  AGENCY: {
    facets: AgencyFacetsDocument,
    members: AgenciesInFacetDocument,
    dimensions: [{ name: "country", label: "facetCountry", where: related("country") }],
  },
  RESOURCE: {
    facets: ResourceFacetsDocument,
    members: ResourcesInFacetDocument,
    dimensions: [
      { name: "year", label: "facetYear", where: (key) => ({ publishedYear: { eq: Number(key) } }) },
      { name: "language", label: "facetLanguage", where: (key) => ({ lang: { eq: key } }) },
    ],
  },
};

/** `dimension:key` of the URL's `facet` parameter. */
export function splitFacet(facet: string | null): [string, string] | null {
  if (!facet) return null;
  const at = facet.indexOf(":");
  return at > 0 ? [facet.slice(0, at), facet.slice(at + 1)] : null;
}

/** The ids among `ids` in the chosen facet group: null when no facet is chosen, "loading" until
 * the group's members are known (the unfiltered hits are never shown as if filtered). */
export function useFacetMembers(
  type: string | null,
  facet: string | null,
  ids: string[],
): Set<string> | "loading" | null {
  const spec = type ? FACETED[type] : undefined;
  const chosen = splitFacet(facet);
  const dimension = spec?.dimensions.find((d) => d.name === chosen?.[0]);
  const where = dimension && chosen ? { AND: [{ id: { in: ids } }, dimension.where(chosen[1])] } : {};
  const [result] = useQuery({
    query: spec?.members ?? ExpertsInFacetDocument,
    variables: { where },
    pause: !dimension || ids.length === 0,
    requestPolicy: "cache-first",
  });
  if (!dimension) return null;
  if (!result.data) return "loading";
  const list = Object.values(result.data)[0];
  return new Set(list.nodes.map((node) => node.id));
}

export function Facets(props: { q: string; type: string; facet: string | null }) {
  const { t } = useI18n();
  const spec = FACETED[props.type];
  const [result] = useQuery({ query: spec.facets, variables: { query: props.q } });
  if (!result.data) return null;
  const data = result.data.search;
  return (
    <aside class="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{t("facets")}</h2>
      {props.facet ? <Link href={href("/search", { q: props.q, type: props.type })}>{t("clearFacet")}</Link> : null}
      {spec.dimensions.map((dimension) => {
        const buckets = (data[dimension.name] ?? []).filter((bucket) => bucket.key !== null);
        if (buckets.length === 0) return null;
        return (
          <section key={dimension.name}>
            <h3>{t(dimension.label)}</h3>
            <ul>
              {buckets.map((bucket) => {
                const value = `${dimension.name}:${bucket.key}`;
                const current = props.facet === value;
                return (
                  <li key={value}>
                    <Link
                      href={href("/search", { q: props.q, type: props.type, facet: value })}
                      aria-current={current ? "page" : undefined}
                    >
                      {bucket.node ? <Txt value={bucket.node.name} /> : bucket.key}
                    </Link>{" "}
                    <span class="count">({bucket.count})</span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
