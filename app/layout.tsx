import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { pageActor } from "@/server/auth/pageActor";
import { UserMenu } from "./components/UserMenu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Moot", template: "%s · Moot" },
  description: "Debate motions drawn from a shared library, every argument linked to its evidence.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await pageActor();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Moot
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <Link href="/">Motions</Link>
              </li>
              <li>
                <Link href="/#library">Library</Link>
              </li>
              <li>
                <Link href="/spaces">Spaces</Link>
              </li>
            </ul>
          </nav>
          <search className="header-search">
            <form action="/search" method="get">
              <label htmlFor="header-search" className="visually-hidden">
                Search
              </label>
              <input
                id="header-search"
                name="q"
                type="search"
                placeholder="Search"
                maxLength={200}
              />
            </form>
          </search>
          <UserMenu actor={actor} />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
