// The DNS lookup outbound sockets connect with: it resolves the name, then refuses the
// connection if any address it resolved to is private (private-address.ts). Checking at
// connect time, on what the socket will actually use, is what defeats a public name that
// resolves (or re-resolves, DNS rebinding) to 127.0.0.1 or the cloud metadata address.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isPrivateAddress } from './private-address';

/** Refused before connecting: the destination is in the private network. */
export class PrivateAddressError extends Error {
  readonly code = 'HOOKFLOW_PRIVATE_ADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `${host} is a private network address (${address}); tick "Allow private network" on ` +
        'the node to call services on this machine or your LAN',
    );
  }
}

export type AddressCheck = (address: string) => boolean;

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export type Lookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/** `isBlocked` defaults to the private ranges; tests narrow it to reach loopback servers. */
export function guardedLookup(isBlocked: AddressCheck = isPrivateAddress): Lookup {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, []);
        return;
      }
      const refused = addresses.find((entry) => isBlocked(entry.address));
      if (refused) {
        callback(new PrivateAddressError(hostname, refused.address), []);
        return;
      }
      if (options.all) callback(null, addresses);
      else if (addresses[0]) callback(null, addresses[0].address, addresses[0].family);
      else
        callback(
          Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' }),
          [],
        );
    });
  };
}
