/** This device's Lamport clock (docs/protocol.md §2: display order), persisted so it only moves forward. */
const KEY = 'harmony.lamport';
let clock = BigInt(localStorage.getItem(KEY) ?? '0');

/** Advances past a value seen in the log. */
export function observeLamport(seen: bigint): void {
  if (seen > clock) {
    clock = seen;
    localStorage.setItem(KEY, clock.toString());
  }
}

/** The next timestamp for an envelope this device writes. */
export function tick(): bigint {
  clock += 1n;
  localStorage.setItem(KEY, clock.toString());
  return clock;
}
