import { createEffect, createMemo, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { loadMembers } from '../app/communities';
import { openChannel } from '../app/chat';
import { setState, state } from '../app/state';
import { Banner } from './Banner';
import { ChannelSidebar } from './ChannelSidebar';
import { CommunityRail } from './CommunityRail';
import { AddChannelDialog, CreateCommunityDialog, InviteDialog, NewDmDialog } from './CommunityDialogs';
import { DmSidebar } from './DmSidebar';
import { shortDid } from '../app/state';
import { MemberList } from './MemberList';
import { MessageView } from './MessageView';
import { Settings } from './Settings';

type Modal = 'none' | 'create' | 'invite' | 'channel' | 'settings' | 'dm';

/** The signed-in layout: communities, channels, messages, members; the side panels fold away at phone width. */
export function Shell() {
  const [modal, setModal] = createSignal<Modal>('none');
  const [navOpen, setNavOpen] = createSignal(false);
  const community = createMemo(() => state.communities.find((c) => c.id === state.currentCommunity));
  const dm = createMemo(() => (state.view === 'dms' ? (state.dms.find((d) => d.channelId === state.currentChannel) ?? state.dms[0]) : undefined));
  const channel = createMemo(() => {
    if (state.view === 'dms') {
      const d = dm();
      return d ? { id: d.channelId, name: shortDid(d.peer), kind: 0 } : undefined;
    }
    return community()?.channels.find((c) => c.id === state.currentChannel) ?? community()?.channels[0];
  });

  // The roster is loaded when a community is shown (and after each reconnect); `membership` events keep it and the
  // channel encryption groups current.
  createEffect(() => {
    const c = community();
    if (c && state.connection === 'online') void loadMembers(c.id);
  });
  createEffect(() => {
    const ch = channel();
    if (ch && state.connection === 'online') void openChannel(ch.id);
  });
  // Keyboard: Alt+↑/↓ moves between channels (as in Discord); Tab reaches every control.
  const onKey = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const list = state.view === 'dms' ? state.dms.map((d) => ({ id: d.channelId })) : (community()?.channels ?? []);
    const i = list.findIndex((c) => c.id === channel()?.id);
    const next = list[(i + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % Math.max(list.length, 1)];
    if (next) {
      e.preventDefault();
      void openChannel(next.id);
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));
  // An invite link opened while unlocked goes straight to the join dialog.
  if (location.hash.startsWith('#/join/')) setModal('create');

  return (
    <div class={`shell ${navOpen() ? 'nav-open' : ''} ${state.currentThread ? 'thread-open' : ''} ${state.view === 'dms' ? 'dms' : ''}`}>
      <a class="skip" href="#composer-area">Skip to messages</a>
      <button class="nav-toggle" aria-label="Toggle navigation" aria-expanded={navOpen()} onClick={() => setNavOpen(!navOpen())}>☰</button>
      <CommunityRail onCreate={() => setModal('create')} onSettings={() => setModal('settings')} />
      <Show when={state.view === 'dms'} fallback={<ChannelSidebar community={community()} onInvite={() => setModal('invite')} onAddChannel={() => setModal('channel')} />}>
        <DmSidebar onNew={() => setModal('dm')} />
      </Show>
      <div class="main" id="composer-area" onClick={() => setNavOpen(false)}>
        <Banner />
        <MessageView channel={channel()} />
      </div>
      <Show when={state.currentThread} fallback={<Show when={state.view === 'community'}><MemberList community={community()} /></Show>}>
        <aside class="thread-pane" aria-label="Thread" data-testid="thread-pane">
          <MessageView channel={{ id: state.currentThread!.channelId, name: 'Thread', kind: 3 }} threadRoot={state.currentThread!.rootId}
            onClose={() => setState('currentThread', undefined)} />
        </aside>
      </Show>
      <Show when={modal() === 'create'}><CreateCommunityDialog onClose={() => setModal('none')} /></Show>
      <Show when={modal() === 'invite' && community()}><InviteDialog communityId={community()!.id} onClose={() => setModal('none')} /></Show>
      <Show when={modal() === 'channel' && community()}><AddChannelDialog communityId={community()!.id} onClose={() => setModal('none')} /></Show>
      <Show when={modal() === 'dm'}><NewDmDialog onClose={() => setModal('none')} /></Show>
      <Show when={modal() === 'settings'}><Settings onClose={() => setModal('none')} /></Show>
    </div>
  );
}
