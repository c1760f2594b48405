// `/` and `/search?q=`: full-text search with snippets, type tabs, facets and cursor paging.
import { useQuery } from "@urql/preact";
import { SearchCountsDocument, SearchDocument, type EntityType } from "../generated/graphql";
import { Link, NodeLink, TYPENAMES } from "../components/links";
import { Snippet } from "../components/snippet";
import { Loading, QueryError } from "../components/status";
import { SearchBox } from "../components/searchbox";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { formatDate } from "../lib/dates";
import { href } from "../lib/router";
import { FACETED, Facets, searchFacets } from "./search-facets";

const PAGE = 20;

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
  const facets = searchFacets(type, facet);
  const chosen = facets ? facet : null;
  const [result] = useQuery({ query: SearchDocument, variables: { query: q, types, facets, first: PAGE, after } });
  if (result.error && !result.data) return <QueryError error={result.error} />;
  if (!result.data) return <Loading />;
  const search = result.data.search;
  const edges = search.edges;
  // urql keeps the last page while the next choice loads: marked busy, not passed off as it.
  return (
    <>
      <TypeTabs q={q} type={type} />
      <div class="results-layout">
        {faceted && type ? <Facets q={q} type={type} facet={facet} /> : null}
        <div class="results" aria-busy={result.fetching ? "true" : undefined}>
          <p role="status">{t("resultsCount", { count: search.totalCount })}</p>
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
          <nav class="pager" aria-label={t("navSearch")}>
            {after ? <Link href={href("/search", { q, type, facet: chosen })}>{t("first")}</Link> : null}
            {search.pageInfo.hasNextPage && search.pageInfo.endCursor ? (
              <Link href={href("/search", { q, type, facet: chosen, after: search.pageInfo.endCursor })}>{t("next")}</Link>
            ) : null}
          </nav>
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
