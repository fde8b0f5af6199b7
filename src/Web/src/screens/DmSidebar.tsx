import { For, Show } from 'solid-js';
import { openChannel } from '../app/chat';
import { shortDid, state } from '../app/state';

/** The direct-message list (in place of a community's channels), with unread markers and "New message". */
export function DmSidebar(props: { onNew: () => void }) {
  const unread = (id: string) => {
    const list = state.messages[id] ?? [];
    const last = list[list.length - 1];
    return last !== undefined && last.seq > (state.lastRead[id] ?? 0) && state.currentChannel !== id;
  };
  return (
    <aside class="sidebar" aria-label="Direct messages">
      <header class="sidebar-head">
        <h2>Direct messages</h2>
        <button class="small" onClick={props.onNew} data-testid="new-dm">New</button>
      </header>
      <Show when={state.dms.length > 0} fallback={<p class="muted pad">No conversations yet. Start one with someone's DID, or from a community's member list.</p>}>
        <ul class="channels">
          <For each={state.dms}>
            {(dm) => (
              <li>
                <button class={`channel ${state.currentChannel === dm.channelId ? 'active' : ''} ${unread(dm.channelId) ? 'unread' : ''}`}
                  aria-current={state.currentChannel === dm.channelId} title={dm.peer} data-testid="dm-item" onClick={() => void openChannel(dm.channelId)}>
                  <span aria-hidden="true">@</span> {shortDid(dm.peer)}
                  <Show when={unread(dm.channelId)}><span class="dot" aria-label="unread" /></Show>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </aside>
  );
}
