// The explorer's shell: header (navigation, languages, sign-in), outage banner, the routed view.
import { Provider } from "@urql/preact";
import { lazy, Suspense } from "preact/compat";
import { useEffect, useMemo, useState } from "preact/hooks";
import { Link } from "./components/links";
import { NotFound, OutageBanner } from "./components/status";
import { I18nContext, LANGUAGES, useI18n, LANGUAGE_NAMES, browserLanguage, dateWords, isLanguage, translator, type Language } from "./i18n";
import { makeClient } from "./lib/client";
import { useRoute, type Route } from "./lib/router";
import { SessionContext, useSession, type Session } from "./lib/session";
import { apiKey as storedKey, remembered } from "./lib/storage";
import { CascadeView } from "./views/cascade";
import { ExpertsView } from "./views/experts";
import { FeedView } from "./views/feed";
import { EDITOR_ROLES, ImportView } from "./views/import";
import { NodeView } from "./views/node";
import { PathView } from "./views/path";
import { SearchView } from "./views/search";
import { SignInView, useRole } from "./views/signin";
import { TimelineView } from "./views/timeline";

// sigma.js and graphology are loaded only when the network view is opened.
const NetworkView = lazy(() => import("./views/network").then((module) => ({ default: module.NetworkView })));

function initialLanguage(name: string): Language {
  const saved = remembered.get(name);
  return isLanguage(saved) ? saved : browserLanguage(navigator.languages ?? [navigator.language]);
}

export function App() {
  const route = useRoute();
  const [uiLanguage, setUi] = useState<Language>(() => initialLanguage("uiLanguage"));
  const [dataLanguage, setData] = useState<Language>(() => initialLanguage("dataLanguage"));
  const [key, setKey] = useState<string | null>(storedKey.get);
  const [reachable, setReachable] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const client = useMemo(
    () => makeClient({ apiKey: key, dataLanguage, onReachable: setReachable }),
    [key, dataLanguage, attempt],
  );
  const i18n = useMemo(
    () => ({ language: uiLanguage, t: translator(uiLanguage), dates: dateWords(uiLanguage) }),
    [uiLanguage],
  );
  useEffect(() => {
    document.documentElement.lang = uiLanguage;
  }, [uiLanguage]);
  const [refused, setRefused] = useState(false);
  const role = useRole(client, key, () => {
    storedKey.set(null);
    setKey(null);
    setRefused(true);
  });
  const session: Session = {
    uiLanguage,
    dataLanguage,
    apiKey: key,
    role,
    refused,
    setUiLanguage: (language) => {
      remembered.set("uiLanguage", language);
      setUi(language);
    },
    setDataLanguage: (language) => {
      remembered.set("dataLanguage", language);
      setData(language);
    },
    signIn: (value) => {
      storedKey.set(value);
      setRefused(false);
      setKey(value);
    },
  };
  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>
        <Provider value={client}>
          <a class="skip" href="#main">
            {i18n.t("skip")}
          </a>
          <Header route={route} />
          {reachable ? null : <OutageBanner onRetry={() => setAttempt(attempt + 1)} />}
          <main id="main" tabIndex={-1}>
            <Suspense fallback={<p class="loading" role="status">{i18n.t("loading")}</p>}>
              <View route={route} key={`${attempt}`} />
            </Suspense>
          </main>
        </Provider>
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case "search":
      return <SearchView q={route.q} type={route.type} after={route.after} facet={route.facet} />;
    case "experts":
      return <ExpertsView topic={route.topic} country={route.country} language={route.language} />;
    case "path":
      return <PathView from={route.from} to={route.to} />;
    case "signin":
      return <SignInView />;
    case "import":
      return <ImportView />;
    case "feed":
      return <FeedView />;
    case "node":
      return <NodeView id={route.id} key={route.id} />;
    case "network":
      return <NetworkView id={route.id} filters={route.filters} key={route.id} />;
    case "timeline":
      return <TimelineView id={route.id} />;
    case "cascade":
      return <CascadeView id={route.id} />;
    default:
      return <NotFound />;
  }
}

function Header({ route }: { route: Route }) {
  const { t } = useI18n();
  const session = useSession();
  const current = (view: Route["view"]): "page" | undefined => (route.view === view ? "page" : undefined);
  return (
    <header class="top">
      <Link href="/" class="brand">
        {t("appTitle")}
      </Link>
      <nav aria-label={t("appTitle")}>
        <Link href="/search" aria-current={current("search")}>{t("navSearch")}</Link>
        <Link href="/experts" aria-current={current("experts")}>{t("navExperts")}</Link>
        <Link href="/path" aria-current={current("path")}>{t("navPath")}</Link>
        {session.role && EDITOR_ROLES.includes(session.role) ? (
          <>
            <Link href="/import" aria-current={current("import")}>{t("navImport")}</Link>
            <Link href="/feed" aria-current={current("feed")}>{t("navFeed")}</Link>
          </>
        ) : null}
        {session.role ? (
          <span class="signed-in">
            {t("signedInAs", { role: session.role })}{" "}
            <button type="button" onClick={() => session.signIn(null)}>{t("signOut")}</button>
          </span>
        ) : (
          <Link href="/signin" aria-current={current("signin")}>{t("navSignIn")}</Link>
        )}
      </nav>
      <div class="languages">
        <LanguageSelect id="ui-language" label={t("uiLanguage")} value={session.uiLanguage} onChange={session.setUiLanguage} />
        <LanguageSelect id="data-language" label={t("dataLanguage")} value={session.dataLanguage} onChange={session.setDataLanguage} />
      </div>
    </header>
  );
}

function LanguageSelect(props: { id: string; label: string; value: Language; onChange: (language: Language) => void }) {
  return (
    <label for={props.id}>
      {props.label}{" "}
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLanguage(value)) props.onChange(value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
