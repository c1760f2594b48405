// `/import` (editors and admins): paste a page with `{mlang xx}` blocks; the hub links the names
// it knows and lists the ones it could not place, so an editor sees what still needs work.
import { useMutation } from "@urql/preact";
import { useState } from "preact/hooks";
import { ImportDocumentDocument } from "../generated/graphql";
import { NodeLink } from "../components/links";
import { QueryError } from "../components/status";
import { useI18n } from "../i18n";
import { useSession } from "../lib/session";

export const EDITOR_ROLES = ["editor", "admin"];

export function ImportView() {
  const { t } = useI18n();
  const session = useSession();
  const [markup, setMarkup] = useState("");
  const [url, setUrl] = useState("");
  const [published, setPublished] = useState("");
  const [result, run] = useMutation(ImportDocumentDocument);
  if (!session.role || !EDITOR_ROLES.includes(session.role)) {
    return (
      <section>
        <h1>{t("importTitle")}</h1>
        <p>{t("importEditorsOnly")}</p>
      </section>
    );
  }
  const submit = (event: Event): void => {
    event.preventDefault();
    void run({ input: { markup, sourceUrl: url.trim(), publishedAt: published.trim() || null } });
  };
  const payload = result.data?.importDocument;
  return (
    <section>
      <h1>{t("importTitle")}</h1>
      <form class="stack wide" onSubmit={submit}>
        <label for="import-markup">{t("importMarkup")}</label>
        <textarea id="import-markup" rows={10} value={markup} onInput={(e) => setMarkup(e.currentTarget.value)} />
        <label for="import-url">{t("importUrl")}</label>
        <input id="import-url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <label for="import-published">{t("importPublished")}</label>
        <input id="import-published" value={published} onInput={(e) => setPublished(e.currentTarget.value)} />
        <button type="submit" disabled={result.fetching || !markup.trim() || !url.trim()}>
          {t("importButton")}
        </button>
      </form>
      {result.error ? <QueryError error={result.error} /> : null}
      {payload ? (
        <section class="import-result" aria-labelledby="import-result-title" aria-live="polite">
          <h2 id="import-result-title">{t("importResult")}</h2>
          {payload.userErrors.length ? (
            <ul class="error">
              {payload.userErrors.map((error) => (
                <li key={`${error.field}-${error.message}`}>
                  {error.field ? `${error.field}: ` : ""}
                  {error.message}
                </li>
              ))}
            </ul>
          ) : null}
          {payload.resource ? (
            <p>
              <NodeLink node={payload.resource} />{" "}
              {payload.changed ? t(payload.created ? "importCreated" : "importUpdated") : t("importUnchanged")}
            </p>
          ) : null}
          <h3>{t("importLinked", { count: payload.linked.length })}</h3>
          <ul class="linked">
            {payload.linked.map(({ node, found }) => (
              <li key={node.id}>
                <NodeLink node={node} badge /> <span class="detail">← {found.join(", ")}</span>
              </li>
            ))}
          </ul>
          <h3>{t("importUnmatched", { count: payload.unmatched.length })}</h3>
          <ul class="unmatched">
            {payload.unmatched.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          <h3>{t("importAmbiguous", { count: payload.ambiguous.length })}</h3>
          <ul class="ambiguous">
            {payload.ambiguous.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
