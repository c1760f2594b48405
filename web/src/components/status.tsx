// What a view shows while loading or when the hub refused: never a blank page.
import type { CombinedError } from "@urql/core";
import { useI18n } from "../i18n";
import { SearchBox } from "./searchbox";

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t("loading")}
    </p>
  );
}

/** True when the API refused the id itself (malformed) or found nothing under it. */
export function isNotFound(error: CombinedError | undefined): boolean {
  return Boolean(
    error?.graphQLErrors.some((e) => ["NOT_FOUND", "BAD_USER_INPUT"].includes(String(e.extensions?.code ?? ""))),
  );
}

/** What a view shows until its answer is usable: not found, the hub's refusal, or loading.
 * Views return it while `!result.data || isNotFound(result.error)`. */
export function Pending({ result }: { result: { error?: CombinedError; data?: unknown } }) {
  if (isNotFound(result.error)) return <NotFound />;
  if (result.error && !result.data) return <QueryError error={result.error} />;
  return <Loading />;
}

export function QueryError({ error }: { error: CombinedError }) {
  const { t } = useI18n();
  if (error.networkError) return null; // the outage banner speaks for it
  return (
    <p class="error" role="alert">
      {t("errorText", { message: error.graphQLErrors.map((e) => e.message).join("; ") })}
    </p>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <section class="not-found">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundText")}</p>
      <SearchBox initial="" />
    </section>
  );
}

export function OutageBanner({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div class="banner" role="alert">
      <span>{t("outage")}</span>{" "}
      <button type="button" onClick={onRetry}>
        {t("retry")}
      </button>
    </div>
  );
}
