// The explorer's session state shared by every view: languages, API key, outage, retry.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Language } from "../i18n";

export type Session = {
  uiLanguage: Language;
  dataLanguage: Language;
  apiKey: string | null;
  role: string | null;
  /** The last key tried was refused by the hub. */
  refused: boolean;
  setUiLanguage: (language: Language) => void;
  setDataLanguage: (language: Language) => void;
  signIn: (key: string | null) => void;
};

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside the App");
  return session;
}
