"use client";

import { type MouseEvent, type ReactNode, useState } from "react";

/** The name the server gives the file (`Content-Disposition: attachment; filename="…"`). */
const fileNameOf = (response: Response) =>
  /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "";

/** The sentence of the server's refusal (`{error: {message}}`), or its status. */
async function refusalOf(response: Response): Promise<string> {
  const body = await response.json().catch(() => null);
  const message = body?.error?.message;
  return `The file was not downloaded: ${typeof message === "string" ? message : `the server answered ${response.status}.`}`;
}

/**
 * A link to a file the server makes for the reader. Followed as a plain download, a refusal (the
 * reader is no longer a moderator, their session ended, a rate limit) ends as a failed download
 * with no word of why; so the page fetches the file itself, saves it under the server's name,
 * and says a refusal's reason beside the link. Without JavaScript it is the plain download.
 */
export function DownloadLink({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    setBusy(true);
    // A big debate's export takes a moment to make: the link says so meanwhile.
    const response = await fetch(href, { credentials: "same-origin" })
      .then(async (answer) => ({ answer, file: answer.ok ? await answer.blob() : null }))
      .catch(() => null)
      .finally(() => setBusy(false));
    if (!response) {
      setProblem("The file was not downloaded: the connection dropped. Try again.");
      return;
    }
    if (!response.file) {
      setProblem(await refusalOf(response.answer));
      return;
    }
    const url = URL.createObjectURL(response.file);
    const save = document.createElement("a");
    save.href = url;
    save.download = fileNameOf(response.answer);
    document.body.append(save);
    save.click();
    save.remove();
    // The browser reads the blob after the click returns: freed once it has surely started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <span className="download-link">
      <a href={href} download className={className} onClick={download} aria-busy={busy}>
        {children}
      </a>
      {/* Present before it speaks: a screen reader announces a live region's change, not its arrival. */}
      <span role="status" className="meta">
        {busy ? "Preparing the file…" : ""}
      </span>
      {problem ? (
        <span role="alert" className="problem">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
