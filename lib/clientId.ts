import { v4 } from "uuid";

/**
 * A fresh clientId for a command, so that sending it again is the same command. Not
 * `crypto.randomUUID` alone: browsers give it only to secure contexts (https, localhost), and a
 * class reaches a laptop's server at its address on the local network, over http; `uuid` uses it
 * where it exists and the random values every context has elsewhere.
 */
export const newClientId = (): string => v4();
