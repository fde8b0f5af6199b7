import { createSignal, Show } from 'solid-js';
import { createChannel, createCommunity, createInvite, joinCommunity } from '../app/communities';
import { openDirectMessage } from '../app/directMessages';
import { describeError } from '../net/errors';
import { Dialog } from './Dialog';

function useAction() {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await f();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** Create a community, or join one from an invite link. */
export function CreateCommunityDialog(props: { onClose: () => void }) {
  const [name, setName] = createSignal('');
  const [open, setOpen] = createSignal(false);
  const [link, setLink] = createSignal(location.hash.startsWith('#/join/') ? location.href : '');
  const a = useAction();
  const create = (e: Event) => {
    e.preventDefault();
    void a.run(async () => {
      await createCommunity(name().trim(), open());
      props.onClose();
    });
  };
  const join = (e: Event) => {
    e.preventDefault();
    const m = /#\/join\/([^/]+)(?:\/([^/]+))?/.exec(link());
    if (!m) return void a.run(() => Promise.reject(new Error('That is not a Harmony invite link.')));
    void a.run(async () => {
      await joinCommunity(decodeURIComponent(m[1]!), m[2]);
      props.onClose();
    });
  };
  return (
    <Dialog title="Create or join a community" onClose={props.onClose}>
      <form class="stack" onSubmit={create}>
        <label>Community name<input required maxLength={100} value={name()} onInput={(e) => setName(e.currentTarget.value)} data-testid="community-name" /></label>
        <label class="check"><input type="checkbox" checked={open()} onChange={(e) => setOpen(e.currentTarget.checked)} /> Anyone with the link can join</label>
        <button class="primary" type="submit" disabled={a.busy()} data-testid="community-create">Create</button>
      </form>
      <hr />
      <form class="stack" onSubmit={join}>
        <label>Invite link<input value={link()} onInput={(e) => setLink(e.currentTarget.value)} data-testid="invite-link-input" /></label>
        <button type="submit" disabled={a.busy()} data-testid="join">Join</button>
      </form>
      <Show when={a.error()}><p class="error" role="alert">{a.error()}</p></Show>
    </Dialog>
  );
}

/** Make an invite link (for a closed community: for one DID). */
export function InviteDialog(props: { communityId: string; onClose: () => void }) {
  const [did, setDid] = createSignal('');
  const [link, setLink] = createSignal('');
  const a = useAction();
  const make = (e: Event) => {
    e.preventDefault();
    void a.run(async () => {
      setLink(await createInvite(props.communityId, did().trim() || undefined));
    });
  };
  return (
    <Dialog title="Invite people" onClose={props.onClose}>
      <form class="stack" onSubmit={make}>
        <label>Their DID (for a closed community)<input value={did()} placeholder="did:key:z6Mk…" onInput={(e) => setDid(e.currentTarget.value)} data-testid="invitee-did" /></label>
        <button class="primary" type="submit" disabled={a.busy()}>Create invite link</button>
      </form>
      <Show when={link()}>
        <label>Invite link<input readOnly value={link()} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} /></label>
      </Show>
      <Show when={a.error()}><p class="error" role="alert">{a.error()}</p></Show>
    </Dialog>
  );
}

/** Slow-mode choices offered when adding a channel (seconds between two messages of one member; 0 = off). */
const SLOW_MODES = [0, 5, 10, 30, 60, 300, 900, 3600];

/** Add a text channel. */
export function AddChannelDialog(props: { communityId: string; onClose: () => void }) {
  const [name, setName] = createSignal('');
  const [slow, setSlow] = createSignal(0);
  const a = useAction();
  const add = (e: Event) => {
    e.preventDefault();
    void a.run(async () => {
      await createChannel(props.communityId, name().trim().toLowerCase().replace(/\s+/g, '-'), undefined, slow());
      props.onClose();
    });
  };
  return (
    <Dialog title="Add a channel" onClose={props.onClose}>
      <form class="stack" onSubmit={add}>
        <label>Channel name<input required maxLength={100} value={name()} onInput={(e) => setName(e.currentTarget.value)} data-testid="channel-name" /></label>
        <label>Slow mode
          <select value={slow()} onChange={(e) => setSlow(Number(e.currentTarget.value))} data-testid="channel-slow-mode">
            {SLOW_MODES.map((s) => <option value={s}>{s === 0 ? 'Off' : s < 60 ? `${s} seconds` : `${s / 60} minute${s === 60 ? '' : 's'}`}</option>)}
          </select>
        </label>
        <button class="primary" type="submit" disabled={a.busy()} data-testid="channel-add">Add</button>
      </form>
      <Show when={a.error()}><p class="error" role="alert">{a.error()}</p></Show>
    </Dialog>
  );
}

/** Start a direct message with a DID. */
export function NewDmDialog(props: { onClose: () => void }) {
  const [did, setDid] = createSignal('');
  const a = useAction();
  const start = (e: Event) => {
    e.preventDefault();
    void a.run(async () => {
      await openDirectMessage(did());
      props.onClose();
    });
  };
  return (
    <Dialog title="New direct message" onClose={props.onClose}>
      <form class="stack" onSubmit={start}>
        <label>Their DID<input required value={did()} placeholder="did:key:z6Mk…" onInput={(e) => setDid(e.currentTarget.value)} data-testid="dm-peer" /></label>
        <button class="primary" type="submit" disabled={a.busy()} data-testid="dm-start">Start conversation</button>
      </form>
      <Show when={a.error()}><p class="error" role="alert">{a.error()}</p></Show>
    </Dialog>
  );
}
