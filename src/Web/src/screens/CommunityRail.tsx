import { For } from 'solid-js';
import { setState, state } from '../app/state';

/** The left rail: direct messages, one button per community, plus create/join and settings. */
export function CommunityRail(props: { onCreate: () => void; onSettings: () => void }) {
  return (
    <nav class="rail" aria-label="Communities">
      <button class={`rail-item dm ${state.view === 'dms' ? 'active' : ''}`} title="Direct messages" aria-label="Direct messages"
        aria-current={state.view === 'dms'} data-testid="open-dms" onClick={() => setState({ view: 'dms', currentChannel: state.dms[0]?.channelId, currentThread: undefined })}>
        ✉
      </button>
      <div class="rail-sep" aria-hidden="true" />
      <For each={state.communities}>
        {(c) => (
          <button class={`rail-item ${state.view === 'community' && state.currentCommunity === c.id ? 'active' : ''}`} title={c.name} aria-label={c.name}
            aria-current={state.view === 'community' && state.currentCommunity === c.id}
            onClick={() => setState({ view: 'community', currentCommunity: c.id, currentChannel: c.channels[0]?.id, currentThread: undefined })}>
            {c.name.slice(0, 2).toUpperCase()}
          </button>
        )}
      </For>
      <button class="rail-item add" title="Create or join a community" aria-label="Create or join a community" onClick={props.onCreate} data-testid="add-community">+</button>
      <div class="spacer" />
      <button class="rail-item" title="Settings" aria-label="Settings" onClick={props.onSettings} data-testid="open-settings">⚙</button>
    </nav>
  );
}
