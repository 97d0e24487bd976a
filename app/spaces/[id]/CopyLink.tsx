"use client";

import { useRef, useState } from "react";

/**
 * The join link with a button that copies it. Where the clipboard is refused (an insecure origin,
 * an old browser) the link is selected instead, so Ctrl+C or a long press still takes it.
 */
export function CopyLink({ url }: { url: string }) {
  const linkRef = useRef<HTMLAnchorElement>(null);
  const [said, setSaid] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setSaid("Copied");
    } catch {
      const link = linkRef.current;
      if (link) window.getSelection()?.selectAllChildren(link);
      setSaid("Selected: copy it with Ctrl+C");
    }
  }

  return (
    <p className="join-link">
      <a ref={linkRef} href={url} data-testid="join-link">
        {url}
      </a>{" "}
      <button type="button" className="secondary" onClick={copy}>
        Copy link
      </button>{" "}
      <span role="status" className="meta">
        {said}
      </span>
    </p>
  );
}
