import { For, Show } from 'solid-js';
import { removeMember } from '../app/communities';
import { openDirectMessage } from '../app/directMessages';
import { notify, shortDid, state } from '../app/state';
import type { CommunityInfo } from '../app/types';
import { describeError } from '../net/errors';

/**
 * Members of the current community with their role (owner or member) and presence; "Message" opens a DM, and the
 * owner can kick or ban (the member's leaves leave every channel's encryption group at once).
 */
export function MemberList(props: { community?: CommunityInfo | undefined }) {
  const members = () => (props.community ? (state.members[props.community.id] ?? []) : []);
  const owner = () => props.community?.owner === state.did;
  const run = (f: () => Promise<void>) => void f().catch((e: unknown) => notify('error', describeError(e)));
  return (
    <aside class="members" aria-label="Members">
      <h3 class="category">Members — {members().length}</h3>
      <ul>
        <For each={members()}>
          {(m) => (
            <li class="member" data-testid="member" data-did={m.did}>
              <span class={`presence ${state.presence[m.did] ? 'online' : ''}`} aria-label={state.presence[m.did] ? 'online' : 'offline'} />
              <span title={m.did}>{m.did === state.did ? state.displayName || 'You' : shortDid(m.did)}</span>
              <span class="role">{props.community?.owner === m.did ? 'Owner' : 'Member'}</span>
              <Show when={m.did !== state.did}>
                <span class="member-actions">
                  <button class="small" aria-label={`Message ${shortDid(m.did)}`} onClick={() => run(() => openDirectMessage(m.did))}>Message</button>
                  <Show when={owner()}>
                    <button class="small danger" aria-label={`Kick ${shortDid(m.did)}`} onClick={() => run(() => removeMember(props.community!.id, m.did, 'Kick'))}>Kick</button>
                    <button class="small danger" aria-label={`Ban ${shortDid(m.did)}`} onClick={() => run(() => removeMember(props.community!.id, m.did, 'Ban'))}>Ban</button>
                  </Show>
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </aside>
  );
}
