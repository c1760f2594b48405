// `/cascade/{id}`: a training of trainers and the roll-outs it led to, as a tree with reach.
import { useQuery } from "@urql/preact";
import { CascadeDocument, type CascadeQuery } from "../generated/graphql";
import { EntityView, Link } from "../components/links";
import { Pending, isNotFound } from "../components/status";
import { Txt } from "../components/text";
import { useI18n } from "../i18n";
import { formatDate } from "../lib/dates";
import { nodeHref } from "../lib/router";

type Session = CascadeQuery["cascade"]["sessions"][number];
export type Branch = { session: Session; children: Branch[] };

/** The sessions as a tree: the API lists them level by level with a `parent` id each. */
export function cascadeTree(sessions: readonly Session[]): Branch[] {
  const branches = new Map(sessions.map((session) => [session.event.id, { session, children: [] as Branch[] }]));
  const roots: Branch[] = [];
  for (const branch of branches.values()) {
    const parent = branch.session.parent ? branches.get(branch.session.parent) : undefined;
    if (parent) parent.children.push(branch);
    else roots.push(branch);
  }
  return roots;
}

export function CascadeView({ id }: { id: string }) {
  const { t } = useI18n();
  const [result] = useQuery({ query: CascadeDocument, variables: { id } });
  if (!result.data || isNotFound(result.error)) return <Pending result={result} />;
  const cascade = result.data.cascade;
  return (
    <EntityView view="cascade" node={cascade.event}>
      <ul class="figures">
        <li>{t("cascadeSessions", { count: cascade.sessionCount })}</li>
        <li>
          {cascade.sessionsWithoutCount === cascade.sessionCount
            ? t("countMissing")
            : t("cascadeReach", { count: cascade.totalReach })}
        </li>
        <li>
          {cascade.trainerCount === null ? t("cascadeUnknownTrainers") : t("cascadeTrainers", { count: cascade.trainerCount })}
        </li>
        {cascade.sessionsWithoutCount ? <li>{t("cascadeWithoutCount", { count: cascade.sessionsWithoutCount })}</li> : null}
      </ul>
      {cascade.ancestors.length ? (
        <p>
          {t("cascadeAncestors")}:{" "}
          {cascade.ancestors.map((node) => (
            <Link key={node.id} href={nodeHref("cascade", node.id)}>
              <Txt value={node.name} />
            </Link>
          ))}
        </p>
      ) : null}
      <Tree branches={cascadeTree(cascade.sessions)} />
    </EntityView>
  );
}

function Tree({ branches }: { branches: Branch[] }) {
  const { t, dates } = useI18n();
  return (
    <ul class="tree">
      {branches.map(({ session, children }) => (
        <li key={session.event.id}>
          <Link href={nodeHref("node", session.event.id)}>
            <Txt value={session.event.name} />
          </Link>
          <span class="detail">
            {" · "}
            {[
              session.event.kind?.replace(/_/g, " "),
              formatDate(session.event.start, dates),
              session.participantCount === null ? t("countMissing") : t("countGiven", { count: session.participantCount }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </span>
          {children.length ? <Tree branches={children} /> : null}
        </li>
      ))}
    </ul>
  );
}
