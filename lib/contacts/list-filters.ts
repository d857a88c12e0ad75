import { z } from "zod";
import { METADATA_KEY_MAX_LENGTH, METADATA_STRING_MAX_LENGTH } from "../validation/metadata";
import { isStorableText } from "../validation/text";
import { metadataMatches } from "./schemas";

// The contacts table's filters besides the search box, as they live in the URL
// (`/contacts?chatbot=…&from=2026-01-01&to=2026-03-31&email=yes&meta=plan&match=equals&value=pro`),
// and as the API is asked for them. Parsing a URL is forgiving (a hand-edited link): a malformed
// value is left out. The filter form validates with `contactFiltersFormSchema` and says why.

export type MetadataMatch = (typeof metadataMatches)[number];
/** "yes": only contacts that have it; "no": only those without; "": either. */
export type Presence = "" | "yes" | "no";
const presences = ["", "yes", "no"] as const;

export interface ContactListFilters {
  chatbotId: string;
  /** YYYY-MM-DD, the first day (UTC) included. */
  createdFrom: string;
  /** YYYY-MM-DD, the last day (UTC) included. */
  createdTo: string;
  hasEmail: Presence;
  hasPhone: Presence;
  /** The metadata condition applies only when a key is given. */
  metadataKey: string;
  metadataMatch: MetadataMatch;
  metadataValue: string;
}

export const NO_FILTERS: ContactListFilters = {
  chatbotId: "",
  createdFrom: "",
  createdTo: "",
  hasEmail: "",
  hasPhone: "",
  metadataKey: "",
  metadataMatch: "has",
  metadataValue: "",
};

const URL_NAMES = {
  chatbotId: "chatbot",
  createdFrom: "from",
  createdTo: "to",
  hasEmail: "email",
  hasPhone: "phone",
  metadataKey: "meta",
  metadataMatch: "match",
  metadataValue: "value",
} as const satisfies Record<keyof ContactListFilters, string>;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  return DATE_ONLY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

// The last day a timestamp can name (years 0000–9999) has no day after it to send as
// createdBefore, and needs none: every stored instant is before its end.
const LAST_DAY = "9999-12-31";

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function presence(raw: string | null): Presence {
  return presences.find((value) => value === raw) ?? "";
}

function boundedText(raw: string | null, max: number): string {
  return raw !== null && raw.length <= max && isStorableText(raw) ? raw : "";
}

/** A metadata condition without a value is "has"; a value means nothing without a key. */
function normalizedMetadata(key: string, match: MetadataMatch, value: string): Pick<ContactListFilters, "metadataKey" | "metadataMatch" | "metadataValue"> {
  if (!key) return { metadataKey: "", metadataMatch: "has", metadataValue: "" };
  if (match === "has" || value === "") return { metadataKey: key, metadataMatch: "has", metadataValue: "" };
  return { metadataKey: key, metadataMatch: match, metadataValue: value };
}

export function parseListFilters(params: URLSearchParams): ContactListFilters {
  const date = (name: string) => {
    const value = params.get(name) ?? "";
    return isCalendarDate(value) ? value : "";
  };
  const match = metadataMatches.find((value) => value === params.get(URL_NAMES.metadataMatch)) ?? "equals";
  return {
    chatbotId: params.get(URL_NAMES.chatbotId) ?? "",
    createdFrom: date(URL_NAMES.createdFrom),
    createdTo: date(URL_NAMES.createdTo),
    hasEmail: presence(params.get(URL_NAMES.hasEmail)),
    hasPhone: presence(params.get(URL_NAMES.hasPhone)),
    ...normalizedMetadata(
      boundedText(params.get(URL_NAMES.metadataKey), METADATA_KEY_MAX_LENGTH).trim(),
      match,
      boundedText(params.get(URL_NAMES.metadataValue), METADATA_STRING_MAX_LENGTH),
    ),
  };
}

/** Adds the filters that are set to `params` (defaults are left out, so links stay short). */
export function writeListFilters(filters: ContactListFilters, params: URLSearchParams): void {
  const set = (name: keyof ContactListFilters) => {
    if (filters[name]) params.set(URL_NAMES[name], filters[name]);
  };
  set("chatbotId");
  set("createdFrom");
  set("createdTo");
  set("hasEmail");
  set("hasPhone");
  if (filters.metadataKey) {
    set("metadataKey");
    if (filters.metadataMatch !== "has") {
      set("metadataMatch");
      params.set(URL_NAMES.metadataValue, filters.metadataValue);
    }
  }
}

/** The /v1/contacts query parameters for the filters. */
export function listFilterQuery(filters: ContactListFilters) {
  const yesNo = (value: Presence) => (value === "" ? undefined : value === "yes" ? ("true" as const) : ("false" as const));
  const query: {
    chatbotId?: string;
    createdFrom?: string;
    createdBefore?: string;
    hasEmail?: "true" | "false";
    hasPhone?: "true" | "false";
    metadataKey?: string;
    metadataMatch?: MetadataMatch;
    metadataValue?: string;
  } = {};
  if (filters.chatbotId) query.chatbotId = filters.chatbotId;
  if (filters.createdFrom) query.createdFrom = filters.createdFrom;
  if (filters.createdTo && filters.createdTo !== LAST_DAY) query.createdBefore = dayAfter(filters.createdTo);
  if (filters.hasEmail) query.hasEmail = yesNo(filters.hasEmail);
  if (filters.hasPhone) query.hasPhone = yesNo(filters.hasPhone);
  if (filters.metadataKey) {
    query.metadataKey = filters.metadataKey;
    query.metadataMatch = filters.metadataMatch;
    if (filters.metadataMatch !== "has") query.metadataValue = filters.metadataValue;
  }
  return query;
}

export function hasActiveFilters(filters: ContactListFilters): boolean {
  return (Object.keys(NO_FILTERS) as Array<keyof ContactListFilters>).some((name) => filters[name] !== NO_FILTERS[name]);
}

const optionalDate = z.string().refine((value) => value === "" || isCalendarDate(value), "Pick a date, or leave it empty");

/** The filter form (every filter but the chatbot, which has its own select). */
export const contactFiltersFormSchema = z
  .object({
    metadataKey: z
      .string()
      .trim()
      .max(METADATA_KEY_MAX_LENGTH, `Metadata keys are at most ${METADATA_KEY_MAX_LENGTH} characters`)
      .refine(isStorableText, "Remove the control characters from the key"),
    metadataMatch: z.enum(metadataMatches),
    metadataValue: z
      .string()
      .max(METADATA_STRING_MAX_LENGTH, `Values are at most ${METADATA_STRING_MAX_LENGTH.toLocaleString("en-US")} characters`)
      .refine(isStorableText, "Remove the control characters from the value"),
    createdFrom: optionalDate,
    createdTo: optionalDate,
    hasEmail: z.enum(presences),
    hasPhone: z.enum(presences),
  })
  .refine((form) => !form.metadataKey || form.metadataMatch === "has" || form.metadataValue !== "", {
    path: ["metadataValue"],
    message: "Enter the value to look for",
  })
  .refine((form) => !form.metadataValue || form.metadataKey, { path: ["metadataKey"], message: "Enter the metadata key the value belongs to" })
  .refine((form) => !form.createdFrom || !form.createdTo || form.createdFrom <= form.createdTo, {
    path: ["createdTo"],
    message: "The last day comes on or after the first",
  });

export type ContactFiltersForm = z.infer<typeof contactFiltersFormSchema>;

/** The filters a submitted form sets (the chatbot is kept as it was). */
export function filtersFromForm(form: ContactFiltersForm, chatbotId: string): ContactListFilters {
  return {
    chatbotId,
    createdFrom: form.createdFrom,
    createdTo: form.createdTo,
    hasEmail: form.hasEmail,
    hasPhone: form.hasPhone,
    ...normalizedMetadata(form.metadataKey, form.metadataMatch, form.metadataValue),
  };
}
