"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { type ReactNode, Suspense } from "react";
import { type AuthPage, authPageHref } from "@/lib/authLinks";

function LinkBack({ to, children }: { to: AuthPage; children: ReactNode }) {
  const href = authPageHref(to, usePathname(), useSearchParams().toString());
  return <Link href={href}>{children}</Link>;
}

/**
 * A link to sign in or up that returns to the page it was followed from. It is a client
 * component because the header is not rendered again when the reader moves between pages.
 */
export function AuthPageLink({ to, children }: { to: AuthPage; children: ReactNode }) {
  return (
    <Suspense fallback={<Link href={to}>{children}</Link>}>
      <LinkBack to={to}>{children}</LinkBack>
    </Suspense>
  );
}
