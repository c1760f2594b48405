// What the explorer remembers: the API key for the tab's session only, languages across visits.
const KEY = "hub.apiKey";

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export const apiKey = {
  get: (): string | null => safe(() => sessionStorage.getItem(KEY), null),
  set: (value: string | null): void =>
    safe(() => (value ? sessionStorage.setItem(KEY, value) : sessionStorage.removeItem(KEY)), undefined),
};

export const remembered = {
  get: (name: string): string | null => safe(() => localStorage.getItem(`hub.${name}`), null),
  set: (name: string, value: string): void => safe(() => localStorage.setItem(`hub.${name}`, value), undefined),
};
