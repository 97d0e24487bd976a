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
  const download = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setProblem(null);
    const response = await fetch(href, { credentials: "same-origin" }).catch(() => null);
    if (!response) {
      setProblem("The file was not downloaded: the connection dropped. Try again.");
      return;
    }
    if (!response.ok) {
      setProblem(await refusalOf(response));
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const save = document.createElement("a");
    save.href = url;
    save.download = fileNameOf(response);
    document.body.append(save);
    save.click();
    save.remove();
    // The browser reads the blob after the click returns: freed once it has surely started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <span className="download-link">
      <a href={href} download className={className} onClick={download}>
        {children}
      </a>
      {problem ? (
        <span role="alert" className="problem">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
