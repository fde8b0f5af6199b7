import { For } from 'solid-js';
import { setState, state } from '../app/state';

/** The left rail: one button per community, plus create/join and settings. */
export function CommunityRail(props: { onCreate: () => void; onSettings: () => void }) {
  return (
    <nav class="rail" aria-label="Communities">
      <For each={state.communities}>
        {(c) => (
          <button class={`rail-item ${state.currentCommunity === c.id ? 'active' : ''}`} title={c.name} aria-label={c.name}
            aria-current={state.currentCommunity === c.id} onClick={() => setState({ currentCommunity: c.id, currentChannel: c.channels[0]?.id })}>
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
