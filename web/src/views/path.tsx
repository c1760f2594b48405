// `/path?from=&to=`: the shortest chain between two entities chosen by search-as-you-type.
import { useQuery } from "@urql/preact";
import { useState } from "preact/hooks";
import { NodeNameDocument, ShortestPathDocument, type NodeRefFragment } from "../generated/graphql";
import { Link } from "../components/links";
import { EntityPicker } from "../components/picker";
import { Loading, QueryError } from "../components/status";
import { Txt } from "../components/text";
import { useI18n } from "../i18n";
import { href, navigate, nodeHref } from "../lib/router";

/** The entity an id in the URL names, to show in its picker after a reload or a shared link. */
function useEntity(id: string | null): NodeRefFragment | null {
  const [result] = useQuery({ query: NodeNameDocument, variables: { id: id ?? "" }, pause: !id });
  return id ? (result.data?.node ?? null) : null;
}

export function PathView({ from, to }: { from: string | null; to: string | null }) {
  const { t } = useI18n();
  const fromNode = useEntity(from);
  const toNode = useEntity(to);
  const [picked, setPicked] = useState<{ from: NodeRefFragment | null; to: NodeRefFragment | null }>({ from: null, to: null });
  const chosenFrom = picked.from ?? fromNode;
  const chosenTo = picked.to ?? toNode;
  const submit = (event: Event): void => {
    event.preventDefault();
    navigate(href("/path", { from: chosenFrom?.id, to: chosenTo?.id }));
  };
  return (
    <section>
      <h1>{t("pathTitle")}</h1>
      <form class="path-form" onSubmit={submit}>
        <EntityPicker id="path-from" label={t("pathFrom")} chosen={chosenFrom} onPick={(node) => setPicked({ ...picked, from: node })} />
        <EntityPicker id="path-to" label={t("pathTo")} chosen={chosenTo} onPick={(node) => setPicked({ ...picked, to: node })} />
        <button type="submit" disabled={!chosenFrom || !chosenTo}>
          {t("pathFind")}
        </button>
      </form>
      {from && to ? <Chain from={from} to={to} /> : null}
    </section>
  );
}

function Chain({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const [result] = useQuery({ query: ShortestPathDocument, variables: { from, to } });
  if (result.error && !result.data) return <QueryError error={result.error} />;
  if (!result.data) return <Loading />;
  const path = result.data.path;
  if (!path) return <p role="status">{t("pathNone")}</p>;
  const first = path.steps[0]?.from;
  return (
    <section class="chain" aria-labelledby="chain-title">
      <h2 id="chain-title">{t("pathSteps", { count: path.length })}</h2>
      <ol>
        {first ? (
          <li>
            <Link href={nodeHref("node", first.id)}>
              <Txt value={first.name} />
            </Link>
          </li>
        ) : null}
        {path.steps.map((step, index) => (
          <li key={index}>
            <span class="edge">
              {step.forward ? "→" : "←"} {step.edge.type.toLowerCase().replace(/_/g, " ")}
              {step.edge.role ? ` (${step.edge.role})` : ""}
            </span>{" "}
            <Link href={nodeHref("node", step.to.id)}>
              <Txt value={step.to.name} />
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
