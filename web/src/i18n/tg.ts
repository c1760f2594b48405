// Интерфейс бо забони тоҷикӣ (калидҳои тарҷуманашуда бо забони англисӣ нишон дода мешаванд).
import type { Messages } from "./en";

export const tg: Partial<Messages> = {
  appTitle: "Маркази дониши RTCM",
  skip: "Ба мундариҷа гузаштан",
  navSearch: "Ҷустуҷӯ",
  navExperts: "Интихоби коршиносон",
  navPath: "Робитаҳо",
  navSignIn: "Ворид шудан",
  signOut: "Баромадан",
  uiLanguage: "Забони интерфейс",
  dataLanguage: "Забони маълумот",
  searchLabel: "Ҷустуҷӯи одамон, муассисаҳо, чорабиниҳо, ҳуҷҷатҳо",
  searchButton: "Ҷустуҷӯ",
  resultsCount: "{count} натиҷа",
  noResults: "Аз рӯи «{q}» чизе ёфт нашуд.",
  allTypes: "Ҳама",
  type_Expert: "Шахс",
  type_Agency: "Муассиса",
  type_Country: "Кишвар",
  type_Place: "Ҷой",
  type_Programme: "Барнома",
  type_Event: "Чорабинӣ",
  type_Topic: "Мавзӯъ",
  type_Resource: "Ҳуҷҷат",
  relAgencies: "Муассисаҳо",
  relEvents: "Чорабиниҳо",
  relExperts: "Одамон",
  viewNetwork: "Шабака",
  viewTimeline: "Хронология",
  notFoundTitle: "Ёфт нашуд",
  retry: "Такрор кардан",
  yearMissing: "сол нишон дода нашудааст",
};

export const monthsTg = [
  "январ", "феврал", "март", "апрел", "май", "июн",
  "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
] as const;
