import { createMemo, For, Show } from 'solid-js';
import { openChannel } from '../app/chat';
import { shortDid, state } from '../app/state';
import type { ChannelSummary, CommunityInfo } from '../app/types';

/** Channels of the current community grouped by category, with unread markers. */
export function ChannelSidebar(props: { community?: CommunityInfo | undefined; onInvite: () => void; onAddChannel: () => void }) {
  const groups = createMemo(() => {
    const c = props.community;
    if (!c) return [] as { name: string; channels: ChannelSummary[] }[];
    const byCat = new Map<string, ChannelSummary[]>();
    for (const ch of c.channels) {
      const key = ch.categoryId ?? '';
      byCat.set(key, [...(byCat.get(key) ?? []), ch]);
    }
    return [...byCat.entries()].map(([id, channels]) => ({ name: c.categories.find((k) => k.id === id)?.name ?? 'Text channels', channels }));
  });
  const unread = (id: string) => {
    const list = state.messages[id] ?? [];
    const last = list[list.length - 1];
    return last !== undefined && last.seq > (state.lastRead[id] ?? 0) && state.currentChannel !== id;
  };
  return (
    <aside class="sidebar" aria-label="Channels">
      <header class="sidebar-head">
        <h2>{props.community?.name ?? 'No community yet'}</h2>
        <Show when={props.community}>
          <button class="small" onClick={props.onInvite} data-testid="invite">Invite</button>
        </Show>
      </header>
      <For each={groups()}>
        {(g) => (
          <section>
            <h3 class="category">{g.name}</h3>
            <ul class="channels">
              <For each={g.channels}>
                {(ch) => (
                  <li>
                    <button class={`channel ${state.currentChannel === ch.id ? 'active' : ''} ${unread(ch.id) ? 'unread' : ''}`}
                      aria-current={state.currentChannel === ch.id} onClick={() => void openChannel(ch.id)}>
                      <span aria-hidden="true">#</span> {ch.name}
                      <Show when={unread(ch.id)}><span class="dot" aria-label="unread" /></Show>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
      <Show when={props.community && props.community.owner === state.did}>
        <button class="link" onClick={props.onAddChannel} data-testid="add-channel">+ Add channel</button>
      </Show>
      <footer class="me">
        <span class="avatar" aria-hidden="true">{(state.displayName || 'Me').slice(0, 1).toUpperCase()}</span>
        <span class={`presence ${state.connection === 'online' ? 'online' : ''}`} role="status" data-testid="connection-status" data-state={state.connection}
          aria-label={state.connection === 'online' ? 'Connected' : 'Not connected'} title={state.connection === 'online' ? 'Connected' : 'Not connected'} />
        <span class="me-text">
          <strong>{state.displayName || 'You'}</strong>
          <small title={state.did} data-testid="my-did">{shortDid(state.did ?? '')}</small>
        </span>
      </footer>
    </aside>
  );
}
