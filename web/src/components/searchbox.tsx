// The search form: submitting goes to /search?q=..., a URL that can be shared and gone back to.
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n";
import { href, navigate } from "../lib/router";

export function SearchBox({ initial, type }: { initial: string; type?: string | null }) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  const submit = (event: Event): void => {
    event.preventDefault();
    navigate(href("/search", { q: value.trim(), type }));
  };
  return (
    <form role="search" class="searchbox" onSubmit={submit}>
      <label for="q">{t("searchLabel")}</label>
      <div class="row">
        <input
          id="q"
          name="q"
          type="search"
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
          autoComplete="off"
        />
        <button type="submit">{t("searchButton")}</button>
      </div>
    </form>
  );
}
