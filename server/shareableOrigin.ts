import { networkInterfaces } from "node:os";

const isLoopback = (hostname: string) =>
  hostname === "localhost" ||
  hostname.endsWith(".localhost") ||
  hostname.startsWith("127.") ||
  hostname === "[::1]";

/** HOST unset, 0.0.0.0 or ::: the server answers on the machine's network addresses too. */
export const listensEverywhere = (host: string | undefined) =>
  host === undefined || host === "0.0.0.0" || host === "::";

const isPrivate = (address: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address);

/**
 * Interfaces no other device in the room reaches: containers', virtual machines' and tunnels'
 * (their addresses are private ones too).
 */
const virtualInterface = /^(docker|br-|veth|virbr|vboxnet|vmnet|tun|tap|wg|utun|tailscale|zt)/;

/**
 * This machine's IPv4 addresses on its networks, a local network's (10/8, 172.16/12,
 * 192.168/16) first; without the self-assigned ones (169.254/16) and those of virtual interfaces.
 */
export function networkAddresses(): string[] {
  const addresses = Object.entries(networkInterfaces()).flatMap(([name, each]) =>
    virtualInterface.test(name)
      ? []
      : (each ?? []).flatMap(({ family, internal, address }) =>
          family === "IPv4" && !internal && !address.startsWith("169.254.") ? [address] : [],
        ),
  );
  return [...addresses.filter(isPrivate), ...addresses.filter((a) => !isPrivate(a))];
}

export interface ShareableOriginInput {
  /** AUTH_URL: the site's public address, when the operator gave one. */
  siteUrl?: string;
  /** How the request reached the server: its scheme and its Host (or X-Forwarded-Host). */
  secure: boolean;
  host: string;
  /** HOST: the address the server listens on. */
  listensOn?: string;
  /** networkAddresses(). */
  networkAddresses: string[];
}

/**
 * Where another device finds the site, for a link made to be opened there (a join link and its
 * QR code on the projector): the site's public address when one is set; else the address the
 * request came in on, unless that is this machine's own name for itself (a teacher's laptop at
 * localhost), which on a phone would name the phone: then the laptop's address on its network,
 * when the server answers there.
 */
export function shareableOrigin(input: ShareableOriginInput): string {
  if (input.siteUrl) return new URL(input.siteUrl).origin;
  const scheme = input.secure ? "https" : "http";
  // Proxies one behind another list the hosts they were asked for: the first is the browser's.
  const host = input.host.split(",")[0]?.trim() ?? "";
  const url = URL.parse(`${scheme}://${host}`);
  if (!url) return `${scheme}://localhost`;
  const [address] = input.networkAddresses;
  if (isLoopback(url.hostname) && listensEverywhere(input.listensOn) && address) {
    return `${scheme}://${address}${url.port ? `:${url.port}` : ""}`;
  }
  return url.origin;
}
