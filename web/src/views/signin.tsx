// Sign-in with an API key: kept in sessionStorage (this tab only), sent as X-API-Key.
import type { Client } from "@urql/core";
import { useEffect, useState } from "preact/hooks";
import { ViewerDocument } from "../generated/graphql";
import { useI18n } from "../i18n";
import { useSession } from "../lib/session";

/** The role the hub gives the key; null when signed out. A refused key is reported and dropped,
 * since every request sent with it would be refused too. */
export function useRole(client: Client, key: string | null, onRefused: () => void): string | null {
  const [role, setRole] = useState<string | null>(null);
  useEffect(() => {
    if (!key) {
      setRole(null);
      return;
    }
    let live = true;
    client
      .query(ViewerDocument, {}, { requestPolicy: "network-only" })
      .toPromise()
      .then((result) => {
        if (!live) return;
        setRole(result.data?.viewer.role ?? null);
        const status = (result.error?.response as Response | undefined)?.status;
        if (status === 401 || status === 403) onRefused();
      });
    return () => {
      live = false;
    };
  }, [client, key]);
  return role;
}

export function SignInView() {
  const { t } = useI18n();
  const session = useSession();
  const [value, setValue] = useState("");
  const submit = (event: Event): void => {
    event.preventDefault();
    session.signIn(value.trim() || null);
  };
  return (
    <section>
      <h1>{t("signInTitle")}</h1>
      <form onSubmit={submit} class="stack">
        <label for="api-key">{t("signInKey")}</label>
        <input id="api-key" type="password" autoComplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <p class="hint">{t("signInHelp")}</p>
        <button type="submit">{t("signInButton")}</button>
      </form>
      <p role="status">
        {session.refused ? t("signInFailed") : session.role ? t("signInOk", { role: session.role }) : ""}
      </p>
    </section>
  );
}
