/** What a page's server action answers its form: problems to show, or a short notice. */
export interface FormState {
  problems?: string[];
  notice?: string;
  /** What was typed, by field name, to put back after a refusal: never a password. */
  values?: Record<string, string>;
}

/** The text typed in each of `fields` of a sent form (FormState's `values`). */
export function typedValues(data: FormData, fields: string[]): Record<string, string> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = data.get(field);
      return [field, typeof value === "string" ? value : ""];
    }),
  );
}

const fieldLabels: Record<string, string> = {
  name: "Name",
  email: "Email",
  password: "Password",
  code: "Join code",
  guestName: "Your name",
  title: "Title",
  description: "Description",
  author: "Author",
  publisher: "Publisher",
  publishedAt: "Published",
  sourceUrl: "Source address (URL)",
  note: "Note",
  role: "Role",
  postingWeight: "Posting weight",
  evidenceWeight: "Evidence weight",
  engagementWeight: "Engagement weight",
  markWeight: "Mark weight",
  postsCap: "Posts for full marks",
  passagesCap: "Passages for full marks",
  answersCap: "Answers for full marks",
  mark: "Mark",
  comment: "Comment",
};

/**
 * A refusal's message as sentences for a form: "email: is not valid; name: is empty" becomes
 * "Email is not valid." and "Name is empty.". A problem is a field's ("name: …") or a sentence
 * of its own (a capital first); a clause after a semicolon ("…; create an account first.") stays
 * with the sentence it ends.
 */
export function problemsOf(message: string): string[] {
  return message.split(/; (?=[A-Z]|[\w.]+: )/).map((part) => {
    const match = /^([A-Za-z]+): (.*)$/.exec(part);
    const label = match?.[1] ? fieldLabels[match[1]] : undefined;
    const sentence = label && match?.[2] ? `${label} ${match[2]}` : part;
    return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  });
}

/**
 * A form field that carries JSON, parsed; JSON that does not parse is passed on as it is, for
 * the command to name the field. An empty field is a field not given.
 */
export function jsonField(value: unknown): unknown {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The clientId a form sent (ActionForm's `sendsClientId`), or none: a form sent before its page
 * ran its script sends the field empty, and then the command simply runs.
 */
export function clientIdOf(data: FormData): string | undefined {
  const value = data.get("clientId");
  return typeof value === "string" && value !== "" ? value : undefined;
}
