export type AuthPage = "/signin" | "/signup";

const authPages = new Set<string>(["/signin", "/signup"]);

/** Pages that make no sense to come back to once signed in. */
const noReturn = new Set<string>(["/signout"]);

/**
 * The header's link to sign in or up, carrying the page it was followed from as callbackUrl so
 * the form returns there. On the sign-in and sign-up pages it passes on their own callbackUrl
 * rather than wrapping one inside another.
 */
export function authPageHref(target: AuthPage, pathname: string, search: string): string {
  const query = search.startsWith("?") ? search.slice(1) : search;
  const returnTo = authPages.has(pathname)
    ? new URLSearchParams(query).get("callbackUrl")
    : noReturn.has(pathname)
      ? null
      : `${pathname}${query ? `?${query}` : ""}`;
  return returnTo ? `${target}?callbackUrl=${encodeURIComponent(returnTo)}` : target;
}
