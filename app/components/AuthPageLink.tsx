"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { type ReactNode, Suspense } from "react";
import { type AuthPage, authPageHref } from "@/lib/authLinks";

interface Props {
  to: AuthPage;
  className?: string;
  children: ReactNode;
}

function LinkBack({ to, className, children }: Props) {
  const href = authPageHref(to, usePathname(), useSearchParams().toString());
  return (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}

/**
 * A link to sign in or up that returns to the page it was followed from. It is a client
 * component because the header is not rendered again when the reader moves between pages.
 */
export function AuthPageLink({ to, className, children }: Props) {
  return (
    <Suspense
      fallback={
        <Link href={to} className={className}>
          {children}
        </Link>
      }
    >
      <LinkBack to={to} className={className}>
        {children}
      </LinkBack>
    </Suspense>
  );
}
