// `/` and `/search?q=`: full-text search with snippets, type tabs, facets and cursor paging.
import { useQuery } from "@urql/preact";
import { SearchCountsDocument, SearchDocument, SearchIdsDocument, type EntityType } from "../generated/graphql";
import { Link, NodeLink, TYPENAMES } from "../components/links";
import { Snippet } from "../components/snippet";
import { Loading, QueryError } from "../components/status";
import { SearchBox } from "../components/searchbox";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { formatDate } from "../lib/dates";
import { href } from "../lib/router";
import { FACETED, Facets, useFacetMembers } from "./search-facets";

const PAGE = 20;
const FACETED_PAGE = 100;

type Props = { q: string; type: string | null; after: string | null; facet: string | null };

export function SearchView({ q, type, after, facet }: Props) {
  const { t } = useI18n();
  return (
    <section>
      <h1 class="visually-hidden">{t("navSearch")}</h1>
      <SearchBox initial={q} type={type} />
      {q ? <Results q={q} type={type} after={after} facet={facet} /> : <p class="intro">{t("searchIntro")}</p>}
    </section>
  );
}

function Results({ q, type, after, facet }: Props) {
  const { t, dates } = useI18n();
  const faceted = Boolean(type && FACETED[type]);
  const types = type ? [type as EntityType] : null;
  const [ids] = useQuery({ query: SearchIdsDocument, variables: { query: q, types }, pause: !faceted });
  const hitIds = ids.data?.search.nodes.map((node) => node.id) ?? [];
  const members = useFacetMembers(type, facet, hitIds);
  const [result] = useQuery({
    query: SearchDocument,
    variables: { query: q, types, first: facet ? FACETED_PAGE : PAGE, after: facet ? null : after },
  });
  if (result.error && !result.data) return <QueryError error={result.error} />;
  if (!result.data || members === "loading") return <Loading />;
  const search = result.data.search;
  const edges = members ? search.edges.filter((edge) => members.has(edge.node.id)) : search.edges;
  return (
    <>
      <TypeTabs q={q} type={type} />
      <div class="results-layout">
        {faceted && type ? <Facets q={q} type={type} facet={facet} /> : null}
        <div class="results">
          <p role="status">{t("resultsCount", { count: members ? edges.length : search.totalCount })}</p>
          {edges.length === 0 ? (
            <div class="empty">
              <p>{t("noResults", { q })}</p>
              <p>{t("noResultsHelp")}</p>
            </div>
          ) : (
            <ol class="hits">
              {edges.map(({ node, snippet, cursor }) => {
                const detail =
                  ("roles" in node && node.roles?.join(", ")) ||
                  ("kind" in node && node.kind?.replace(/_/g, " ")) ||
                  "";
                const when = "start" in node ? formatDate(node.start, dates) : null;
                return (
                  <li key={cursor}>
                    <NodeLink node={node} badge />
                    {detail ? <span class="detail"> · {detail}</span> : null}
                    {when ? <span class="detail"> · {when}</span> : null}
                    {snippet && snippet.field !== "name" ? <Snippet text={snippet.text} highlights={snippet.highlights} lang={snippet.lang} /> : null}
                  </li>
                );
              })}
            </ol>
          )}
          {!facet ? (
            <nav class="pager" aria-label={t("navSearch")}>
              {after ? <Link href={href("/search", { q, type })}>{t("first")}</Link> : null}
              {search.pageInfo.hasNextPage && search.pageInfo.endCursor ? (
                <Link href={href("/search", { q, type, after: search.pageInfo.endCursor })}>{t("next")}</Link>
              ) : null}
            </nav>
          ) : null}
        </div>
      </div>
    </>
  );
}

function TypeTabs({ q, type }: { q: string; type: string | null }) {
  const { t } = useI18n();
  const [counts] = useQuery({ query: SearchCountsDocument, variables: { query: q } });
  if (!counts.data) return null;
  const data = counts.data as Record<string, { totalCount: number }>;
  const tabs = Object.keys(TYPENAMES).filter((name) => (data[name.toLowerCase()]?.totalCount ?? 0) > 0 || name === type);
  return (
    <nav class="tabs" aria-label={t("typeTabs")}>
      <Link href={href("/search", { q })} aria-current={type ? undefined : "page"}>
        {t("allTypes")}
      </Link>
      {tabs.map((name) => (
        <Link key={name} href={href("/search", { q, type: name })} aria-current={name === type ? "page" : undefined}>
          {t(`type_${TYPENAMES[name]}` as MessageKey)} ({data[name.toLowerCase()]?.totalCount ?? 0})
        </Link>
      ))}
    </nav>
  );
}
