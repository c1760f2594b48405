// `/timeline/{id}`: a programme's, agency's, country's or topic's events by year; undated last.
import { useQuery } from "@urql/preact";
import { TimelineDocument, type TimelineQuery } from "../generated/graphql";
import { EntityView, Link } from "../components/links";
import { Pending, isNotFound } from "../components/status";
import { Txt } from "../components/text";
import { useI18n } from "../i18n";
import { formatDate } from "../lib/dates";
import { nodeHref } from "../lib/router";

type Item = TimelineQuery["timeline"]["items"][number];

export function byYear(items: readonly Item[]): [number | null, Item[]][] {
  const groups = new Map<number | null, Item[]>();
  for (const item of items) {
    const list = groups.get(item.year) ?? [];
    list.push(item);
    groups.set(item.year, list);
  }
  return [...groups.entries()];
}

export function TimelineView({ id }: { id: string }) {
  const { t, dates } = useI18n();
  const [result] = useQuery({ query: TimelineDocument, variables: { id } });
  if (!result.data || isNotFound(result.error)) return <Pending result={result} />;
  const timeline = result.data.timeline;
  return (
    <EntityView view="timeline" node={timeline.subject}>
      {byYear(timeline.items).map(([year, items]) => (
        <section key={String(year)} aria-labelledby={`year-${year ?? "none"}`}>
          <h2 id={`year-${year ?? "none"}`}>{year ?? t("timelineUndated")}</h2>
          <ul>
            {items.map((item) => (
              <li key={item.node.id}>
                <span class="when">{formatDate(item.start, dates) ?? t("yearMissing")}</span>{" "}
                <Link href={nodeHref("node", item.node.id)}>
                  <Txt value={item.node.name} />
                </Link>
                <span class="detail"> · {item.relations.join(", ").replace(/_/g, " ")}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </EntityView>
  );
}
