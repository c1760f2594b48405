// `/experts`: the expert finder (topic, country, language) over `recommendExperts`, with reasons.
import { useQuery } from "@urql/preact";
import { useEffect, useState } from "preact/hooks";
import { RecommendExpertsDocument } from "../generated/graphql";
import { Link } from "../components/links";
import { Loading, QueryError } from "../components/status";
import { Txt } from "../components/text";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { href, navigate, nodeHref } from "../lib/router";

type Criteria = { topic: string; country: string; language: string };
const FIELDS: [keyof Criteria, MessageKey][] = [
  ["topic", "expertTopic"],
  ["country", "expertCountry"],
  ["language", "expertLanguage"],
];

export function ExpertsView(criteria: Criteria) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Criteria>(criteria);
  useEffect(() => setDraft(criteria), [criteria.topic, criteria.country, criteria.language]);
  const asked = Boolean(criteria.topic || criteria.country || criteria.language);
  const submit = (event: Event): void => {
    event.preventDefault();
    navigate(href("/experts", { ...draft }));
  };
  return (
    <section>
      <h1>{t("expertsTitle")}</h1>
      <form class="inline-form" onSubmit={submit}>
        {FIELDS.map(([name, label]) => (
          <label key={name} for={`expert-${name}`}>
            {t(label)}{" "}
            <input
              id={`expert-${name}`}
              value={draft[name]}
              onInput={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
            />
          </label>
        ))}
        <button type="submit">{t("expertFind")}</button>
      </form>
      {asked ? <Recommendations {...criteria} /> : null}
    </section>
  );
}

function Recommendations({ topic, country, language }: Criteria) {
  const { t } = useI18n();
  const [result] = useQuery({
    query: RecommendExpertsDocument,
    variables: { topic: topic || null, country: country || null, language: language || null },
  });
  if (result.error && !result.data) return <QueryError error={result.error} />;
  if (!result.data) return <Loading />;
  const items = result.data.recommendExperts;
  if (items.length === 0) return <p role="status">{t("expertNone")}</p>;
  return (
    <ol class="recommendations">
      {items.map((item) => (
        <li key={item.expert.id}>
          <Link href={nodeHref("node", item.expert.id)}>
            <Txt value={item.expert.name} />
          </Link>{" "}
          <span class="count">{t("score", { score: item.score.toFixed(1) })}</span>
          <ul class="reasons">
            {item.reasons.map((reason) => (
              <li key={`${reason.code}-${reason.detail}`}>
                {reason.detail} <span class="count">(+{reason.points})</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
