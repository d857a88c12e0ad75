/** The header our server sets from the socket; a client-sent value is overwritten there. */
export const CLIENT_ADDRESS_HEADER = "x-nexvio-client-address";

export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
