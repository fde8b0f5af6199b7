import { groupChannel } from '../mls/groups';

const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after every earlier piece of work on the same MLS group (a channel and its threads): applying log
 * entries, encrypting and committing all read and replace the group state, so they must not interleave.
 */
export function serial<T>(channelId: string, work: () => Promise<T>): Promise<T> {
  const key = groupChannel(channelId);
  const run = (tails.get(key) ?? Promise.resolve()).then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
