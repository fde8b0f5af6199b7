import { For } from 'solid-js';
import { shortDid, state } from '../app/state';
import type { CommunityInfo } from '../app/types';

/** Members of the current community with their role (owner or member) and presence. */
export function MemberList(props: { community?: CommunityInfo | undefined }) {
  const members = () => (props.community ? (state.members[props.community.id] ?? []) : []);
  return (
    <aside class="members" aria-label="Members">
      <h3 class="category">Members — {members().length}</h3>
      <ul>
        <For each={members()}>
          {(m) => (
            <li class="member">
              <span class={`presence ${state.presence[m.did] ? 'online' : ''}`} aria-label={state.presence[m.did] ? 'online' : 'offline'} />
              <span title={m.did}>{m.did === state.did ? state.displayName || 'You' : shortDid(m.did)}</span>
              <span class="role">{props.community?.owner === m.did ? 'Owner' : 'Member'}</span>
            </li>
          )}
        </For>
      </ul>
    </aside>
  );
}
