import dns from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { privateDestinationsAllowed } from "./settings";

// Where webhooks may go. Only public unicast addresses: not loopback, private, link-local,
// unique-local, multicast, unspecified, carrier-grade NAT, documentation or any other special
// range, and IPv4 addresses written as IPv6 (`::ffff:127.0.0.1`) are judged as the IPv4 address
// they are. A name is checked by every address it resolves to, and a delivery connects to an
// address checked at that moment (guardedLookup), so a name cannot resolve to a public address
// when checked and to a private one when connected to (DNS rebinding).

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

/** `[::1]` → `::1`: URL keeps the brackets of an IPv6 host. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

const REFUSED = "Must not be on a loopback, private, link-local or other non-public address";

/**
 * Why an endpoint URL is refused (undefined when it is not): a literal non-public address, or a
 * name that resolves to one. A name that does not resolve now is accepted; each delivery checks again.
 */
export async function refusedDestination(rawUrl: string): Promise<string | undefined> {
  if (privateDestinationsAllowed()) return undefined;
  const host = hostOf(new URL(rawUrl));
  if (net.isIP(host)) return isPublicAddress(host) ? undefined : REFUSED;
  const addresses = await dns.lookup(host, { all: true, verbatim: true }).catch(() => []);
  return addresses.every(({ address }) => isPublicAddress(address)) ? undefined : `${REFUSED} (${host} resolves to one)`;
}

export class RefusedDestinationError extends Error {
  override name = "RefusedDestinationError";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request: resolves the name, refuses it when any address is not public, and
 * hands the socket the addresses it checked. A literal IP in the URL skips lookup: assertDeliverable
 * checks it first.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { all: true, verbatim: true, family: options.family }).then(
    (addresses) => {
      if (!privateDestinationsAllowed() && !addresses.every(({ address }) => isPublicAddress(address))) {
        const listed = addresses.map(({ address }) => address).join(", ");
        return callback(new RefusedDestinationError(`${hostname} resolves to a non-public address (${listed}): refused`), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    },
    (error: NodeJS.ErrnoException) => callback(error, []),
  );
}

/** Throws when the URL's host is a literal non-public address (names are checked by guardedLookup). */
export function assertDeliverable(url: URL): void {
  const host = hostOf(url);
  if (!privateDestinationsAllowed() && net.isIP(host) && !isPublicAddress(host)) {
    throw new RefusedDestinationError(`${host} is not a public address: refused`);
  }
}
