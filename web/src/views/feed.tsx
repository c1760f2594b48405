// `/feed` (editors and admins): the graph's changes as they are committed, by anyone, through
// the `entityChanged` subscription. The change carries ids and field names, never values: the
// entry links to the node's page, which reads its new state.
import { useSubscription } from "@urql/preact";
import { EntityChangesDocument, type EntityChangesSubscription } from "../generated/graphql";
import { Link, TypeBadge, TYPENAMES } from "../components/links";
import { QueryError } from "../components/status";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { nodeHref } from "../lib/router";
import { useSession } from "../lib/session";
import { EDITOR_ROLES } from "./import";

export type Change = EntityChangesSubscription["entityChanged"];

/** How many changes the page keeps: the feed is for watching, the audit log is the record. */
export const KEPT = 200;

/** The slug inside a global ID (`base64url("Label:slug")`), to name a node without a query. */
export function slugOf(id: string): string {
  try {
    const text = atob(id.replace(/-/g, "+").replace(/_/g, "/"));
    const colon = text.indexOf(":");
    return colon > 0 ? text.slice(colon + 1) : id;
  } catch {
    return id;
  }
}

/** The kept changes with `change` added: newest first, each sequence once. */
export function withChange(kept: Change[] | undefined, change: Change): Change[] {
  const others = (kept ?? []).filter((old) => old.sequence !== change.sequence || old.id !== change.id);
  return [change, ...others].sort((a, b) => b.sequence - a.sequence).slice(0, KEPT);
}

export function FeedView() {
  const { t } = useI18n();
  const session = useSession();
  const editor = Boolean(session.role && EDITOR_ROLES.includes(session.role));
  const [result] = useSubscription({ query: EntityChangesDocument, pause: !editor }, (kept: Change[] | undefined, data) =>
    withChange(kept, data.entityChanged),
  );
  if (!editor) {
    return (
      <section>
        <h1>{t("feedTitle")}</h1>
        <p>{t("feedEditorsOnly")}</p>
      </section>
    );
  }
  const changes = result.data ?? [];
  return (
    <section>
      <h1>{t("feedTitle")}</h1>
      {result.error ? <QueryError error={result.error} /> : null}
      <p class="hint">{t("feedWaiting")}</p>
      <div role="log" aria-label={t("feedLog")}>
        <ol class="feed">
          {changes.map((change) => (
            <ChangeItem key={`${change.sequence}-${change.id}`} change={change} />
          ))}
        </ol>
      </div>
    </section>
  );
}

export function ChangeItem({ change }: { change: Change }) {
  const { t } = useI18n();
  const link = change.link;
  return (
    <li data-operation={change.operation}>
      <time dateTime={change.at}>{change.at.slice(11, 19)}</time> <TypeBadge typename={TYPENAMES[change.type] ?? "Node"} />{" "}
      <Link href={nodeHref("node", change.id)}>{slugOf(change.id)}</Link> {t(`op_${change.operation}` as MessageKey)}
      {change.fields.length ? <span class="detail"> · {t("feedFields", { fields: change.fields.join(", ") })}</span> : null}
      {link ? (
        <span class="detail">
          {" · "}
          {t("feedLink", {
            relationship: link.relationshipType.toLowerCase().replace(/_/g, " "),
            direction: link.outgoing ? "→" : "←",
            other: slugOf(link.other),
          })}
        </span>
      ) : null}
      {change.actor ? <span class="detail"> · {t("feedBy", { actor: change.actor })}</span> : null}
      <span class="source"> ({t("source", { source: change.source })})</span>
    </li>
  );
}
