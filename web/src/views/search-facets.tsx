// Facet filters for a type tab, with counts over all the tab's hits (`search { groupBy }`).
// Choosing a group filters on the server (`search(facets:)`); the choices live in the URL's
// `facet` parameter as `dimension:key` pairs, one per dimension, comma-separated.
import { useQuery } from "@urql/preact";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  AgencyFacetsDocument,
  EventFacetsDocument,
  ExpertFacetsDocument,
  ResourceFacetsDocument,
  type BucketFragment,
  type SearchFacet,
  type SearchGroupBy,
} from "../generated/graphql";
import { Link } from "../components/links";
import { Txt } from "../components/text";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { href } from "../lib/router";

type Dimension = { name: string; label: MessageKey; by: SearchGroupBy };
type Spec = {
  facets: TypedDocumentNode<{ search: Record<string, BucketFragment[]> }, { query: string; facets?: SearchFacet[] | null }>;
  dimensions: Dimension[];
};

const COUNTRY: Dimension = { name: "country", label: "facetCountry", by: "COUNTRY" };
const AGENCY: Dimension = { name: "agency", label: "facetAgency", by: "AGENCY" };
const TOPIC: Dimension = { name: "topic", label: "facetTopic", by: "TOPIC" };
const YEAR: Dimension = { name: "year", label: "facetYear", by: "YEAR" };
/** The languages an expert speaks, and the language a document is written in. */
const SPOKEN: Dimension = { name: "language", label: "facetLanguage", by: "LANGUAGE" };
const WRITTEN: Dimension = { name: "language", label: "facetLanguage", by: "LANG" };

export const FACETED: Record<string, Spec> = {
  EXPERT: { facets: ExpertFacetsDocument, dimensions: [COUNTRY, AGENCY, TOPIC, SPOKEN] },
  EVENT: { facets: EventFacetsDocument, dimensions: [YEAR, COUNTRY, TOPIC] },
  AGENCY: { facets: AgencyFacetsDocument, dimensions: [COUNTRY] },
  RESOURCE: { facets: ResourceFacetsDocument, dimensions: [YEAR, WRITTEN] },
};

/** The URL's `facet` parameter as dimension -> key; malformed or repeated parts are dropped
 * (the first choice of a dimension wins). */
export function parseFacets(facet: string | null): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const part of (facet ?? "").split(",")) {
    const at = part.indexOf(":");
    if (at > 0 && at < part.length - 1 && !chosen.has(part.slice(0, at))) {
      chosen.set(part.slice(0, at), part.slice(at + 1));
    }
  }
  return chosen;
}

/** The `facet` parameter for `chosen` (null when nothing is chosen), dimensions sorted so
 * that one choice has one URL. */
export function facetParam(chosen: Map<string, string>): string | null {
  const parts = [...chosen].sort(([a], [b]) => a.localeCompare(b)).map(([name, key]) => `${name}:${key}`);
  return parts.length ? parts.join(",") : null;
}

/** `chosen` with `dimension` set to `key`, or cleared when `key` is already its choice. */
export function toggled(chosen: Map<string, string>, dimension: string, key: string): Map<string, string> {
  const next = new Map(chosen);
  if (next.get(dimension) === key) next.delete(dimension);
  else next.set(dimension, key);
  return next;
}

/** The API's `facets` argument for a type tab's choices; dimensions the tab lacks are dropped. */
export function searchFacets(type: string | null, facet: string | null): SearchFacet[] | null {
  const spec = type ? FACETED[type] : undefined;
  if (!spec) return null;
  const chosen = parseFacets(facet);
  const facets = spec.dimensions.flatMap((dimension) => {
    const key = chosen.get(dimension.name);
    return key === undefined ? [] : [{ by: dimension.by, key }];
  });
  return facets.length ? facets : null;
}

export function Facets(props: { q: string; type: string; facet: string | null }) {
  const { t } = useI18n();
  const spec = FACETED[props.type];
  const chosen = parseFacets(props.facet);
  const facets = searchFacets(props.type, props.facet);
  const [result] = useQuery({ query: spec.facets, variables: { query: props.q, facets } });
  if (!result.data) return null;
  const data = result.data.search;
  const link = (next: Map<string, string>) => href("/search", { q: props.q, type: props.type, facet: facetParam(next) });
  return (
    <aside class="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{t("facets")}</h2>
      {facets ? <Link href={link(new Map())}>{t("clearFacet")}</Link> : null}
      {spec.dimensions.map((dimension) => {
        const buckets = (data[dimension.name] ?? []).filter((bucket) => bucket.key !== null);
        if (buckets.length === 0) return null;
        return (
          <section key={dimension.name}>
            <h3>{t(dimension.label)}</h3>
            <ul>
              {buckets.map((bucket) => {
                const key = bucket.key ?? "";
                const current = chosen.get(dimension.name) === key;
                return (
                  <li key={key}>
                    <Link href={link(toggled(chosen, dimension.name, key))} aria-current={current ? "page" : undefined}>
                      {bucket.node ? <Txt value={bucket.node.name} /> : key}
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
