/** What a request to the API answered: its JSON body, or the sentence that says why not. */
export type Answer<T> = { ok: true; body: T } | { ok: false; problem: string };

/** Sends a JSON body (or a form) to the API and reads its answer, the refusal's message included. */
export async function callApi<T = unknown>(
  url: string,
  { method, json, form }: { method: string; json?: unknown; form?: FormData },
): Promise<Answer<T>> {
  const response = await fetch(url, {
    method,
    headers: json === undefined ? undefined : { "content-type": "application/json" },
    body: form ?? (json === undefined ? undefined : JSON.stringify(json)),
  }).catch(() => null);
  if (!response) {
    return { ok: false, problem: "No answer from the server: check the connection and try again." };
  }
  const body = await response.json().catch(() => null);
  if (response.ok) return { ok: true, body: body as T };
  return { ok: false, problem: body?.error?.message ?? "That did not work: try again." };
}

/** Why a request did not work, or null when it did. */
export const problemOf = (answer: Answer<unknown>) => (answer.ok ? null : answer.problem);
