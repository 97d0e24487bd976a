import { jsonField } from "@/lib/forms";
import { type Failure, failure } from "@/lib/result";
import { MAX_FILE_BYTES } from "@/server/domain/library/extractText";
import { jsonFields } from "@/server/http";

/** Room for a 10 MB file and the form fields around it. */
const MAX_BODY_BYTES = MAX_FILE_BYTES + 1024 * 1024;
const TEXT_FIELDS = [
  "clientId",
  "title",
  "author",
  "publisher",
  "publishedAt",
  "sourceUrl",
  "note",
  "text",
  "format",
];

type Input = { ok: true; input: Record<string, unknown> };

/**
 * The import command's input from a multipart form (a "file" field and text fields, "edits" as
 * JSON) or a JSON body, with the space from the path. A body too big to be a 10 MB file is turned
 * away before it is read, when its Content-Length says so.
 */
export async function documentInput(request: Request, spaceId: string): Promise<Input | Failure> {
  if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) {
    return failure("payload_too_large", "The file is larger than 10 MB.");
  }
  const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
  const fields = multipart ? await formFields(request) : await jsonInput(request);
  if (!fields.ok) return fields;
  // As for the other REST commands: a request sent without a clientId runs once as sent.
  return { ok: true, input: { clientId: crypto.randomUUID(), ...fields.input, spaceId } };
}

async function jsonInput(request: Request): Promise<Input | Failure> {
  const fields = await jsonFields(request);
  return fields.ok ? { ok: true, input: fields.body } : fields;
}

async function formFields(request: Request): Promise<Input | Failure> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return failure("invalid_input", "The form could not be read.");
  }
  const input: Record<string, unknown> = {};
  // A form sends an empty string for a field left blank: that is a field not given.
  for (const name of TEXT_FIELDS) {
    const value = form.get(name);
    if (typeof value === "string" && value.trim() !== "") input[name] = value;
  }
  const edits = jsonField(form.get("edits"));
  if (edits !== undefined) input.edits = edits;
  const file = form.get("file");
  // A file input left empty still sends a part: no name, no bytes.
  if (file !== null && typeof file !== "string" && (file.name !== "" || file.size > 0)) {
    input.raw = new Uint8Array(await file.arrayBuffer());
    input.fileName = file.name || undefined;
    input.mediaType = file.type;
  }
  return { ok: true, input };
}
