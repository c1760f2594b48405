// Azərbaycan dilində interfeys (tərcümə olunmayan açarlar ingilis dilində göstərilir).
import type { Messages } from "./en";

export const az: Partial<Messages> = {
  appTitle: "RTCM Bilik Mərkəzi",
  skip: "Məzmuna keç",
  navSearch: "Axtarış",
  navExperts: "Ekspert seçimi",
  navPath: "Əlaqələr",
  navSignIn: "Daxil ol",
  signOut: "Çıxış",
  uiLanguage: "İnterfeys dili",
  dataLanguage: "Məlumat dili",
  searchLabel: "İnsanları, qurumları, tədbirləri, sənədləri axtarın",
  searchButton: "Axtar",
  resultsCount: "{count} nəticə",
  noResults: "“{q}” üzrə heç nə tapılmadı.",
  allTypes: "Hamısı",
  type_Expert: "Şəxs",
  type_Agency: "Qurum",
  type_Country: "Ölkə",
  type_Place: "Yer",
  type_Programme: "Proqram",
  type_Event: "Tədbir",
  type_Topic: "Mövzu",
  type_Resource: "Sənəd",
  relAgencies: "Qurumlar",
  relEvents: "Tədbirlər",
  relTopics: "Mövzular",
  relExperts: "İnsanlar",
  viewNetwork: "Şəbəkə",
  viewTimeline: "Xronologiya",
  viewCascade: "Təlim kaskadı",
  notFoundTitle: "Tapılmadı",
  retry: "Yenidən cəhd et",
  yearMissing: "il göstərilməyib",
};

export const monthsAz = [
  "yanvar", "fevral", "mart", "aprel", "may", "iyun",
  "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr",
] as const;
