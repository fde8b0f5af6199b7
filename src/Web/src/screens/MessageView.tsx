import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { EnvelopeKind } from '../crypto/envelope';
import { renderMarkdown } from '../chat/markdown';
import { send, sendTyping } from '../app/sending';
import { openThread } from '../app/chat';
import { dmOf } from '../app/directMessages';
import { setState, shortDid, state } from '../app/state';
import type { ChannelSummary, ChatMessage } from '../app/types';

const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉'];

/** One message with its actions (reply, react, edit, delete, pin, thread). */
function MessageItem(props: { m: ChatMessage; onReply: (m: ChatMessage) => void; onEdit: (m: ChatMessage) => void }) {
  const mine = () => props.m.author === state.did;
  const act = (kind: EnvelopeKind, extra: { emoji?: string } = {}) =>
    void send({ channelId: props.m.channelId, kind, target: props.m.id, content: extra.emoji ? { emoji: extra.emoji } : {} });
  return (
    <article class={`message ${props.m.pending ? 'pending' : ''}`} tabindex="0" data-testid="message" aria-label={`Message from ${shortDid(props.m.author)}`}>
      <div class="meta">
        <strong title={props.m.author}>{mine() ? state.displayName || 'You' : shortDid(props.m.author)}</strong>
        <time dateTime={new Date(props.m.createdAtMs).toISOString()}>{new Date(props.m.createdAtMs).toLocaleString()}</time>
        <Show when={props.m.edited}><span class="tag">edited</span></Show>
        <Show when={props.m.pinned}><span class="tag">pinned</span></Show>
      </div>
      <Show when={props.m.replyTo}><div class="reply-ref">↪ reply to {props.m.replyTo!.slice(0, 8)}</div></Show>
      <Show when={!props.m.deleted} fallback={<p class="deleted">Message deleted</p>}>
        <Show when={props.m.text !== undefined} fallback={<p class="decrypt-failed" data-testid="decrypt-failed">🔒 Could not decrypt: {props.m.error}</p>}>
          <div class="body" innerHTML={renderMarkdown(props.m.text ?? '')} />
        </Show>
      </Show>
      <div class="reactions">
        <For each={Object.entries(props.m.reactions).filter(([, who]) => who.length > 0)}>
          {([emoji, who]) => (
            <button class={`reaction ${who.includes(state.did ?? '') ? 'mine' : ''}`}
              onClick={() => act(who.includes(state.did ?? '') ? EnvelopeKind.ReactionRemove : EnvelopeKind.ReactionAdd, { emoji })}>
              {emoji} {who.length}
            </button>
          )}
        </For>
      </div>
      <div class="actions" role="toolbar" aria-label="Message actions">
        <For each={QUICK_REACTIONS}>{(e) => <button class="small" aria-label={`React ${e}`} onClick={() => act(EnvelopeKind.ReactionAdd, { emoji: e })}>{e}</button>}</For>
        <button class="small" onClick={() => props.onReply(props.m)}>Reply</button>
        <Show when={!props.m.channelId.includes('/thread/')}>
          <button class="small" onClick={() => void openThread(props.m.channelId, props.m.id)}>Thread</button>
        </Show>
        <button class="small" onClick={() => act(props.m.pinned ? EnvelopeKind.Unpin : EnvelopeKind.Pin)}>{props.m.pinned ? 'Unpin' : 'Pin'}</button>
        <Show when={mine()}>
          <button class="small" onClick={() => props.onEdit(props.m)}>Edit</button>
          <button class="small danger" onClick={() => act(EnvelopeKind.Delete)}>Delete</button>
        </Show>
      </div>
    </article>
  );
}

/** The message list with infinite scroll upwards, typing indicator and composer. */
export function MessageView(props: { channel?: ChannelSummary | undefined; threadRoot?: string; onClose?: () => void }) {
  const [text, setText] = createSignal('');
  const [replyTo, setReplyTo] = createSignal<ChatMessage>();
  const [editing, setEditing] = createSignal<ChatMessage>();
  const [shown, setShown] = createSignal(50);
  let list: HTMLDivElement | undefined;
  let lastTyping = 0;

  const messages = () => (props.channel ? (state.messages[props.channel.id] ?? []) : []);
  const sigil = () => (props.threadRoot ? '🧵' : props.channel && dmOf(props.channel.id) ? '@' : '#');
  const visible = () => messages().slice(-shown());

  createEffect(on(() => messages().length, () => {
    const id = props.channel?.id;
    const last = messages()[messages().length - 1];
    if (id && last) setState('lastRead', id, last.seq);
    queueMicrotask(() => list?.scrollTo({ top: list.scrollHeight }));
  }));

  const submit = async (e: Event) => {
    e.preventDefault();
    const channelId = props.channel?.id;
    const body = text().trim();
    if (!channelId || !body) return;
    const edit = editing();
    setText('');
    setEditing(undefined);
    const reply = replyTo();
    setReplyTo(undefined);
    await send(edit
      ? { channelId, kind: EnvelopeKind.Edit, target: edit.id, thread: props.threadRoot, content: { text: body } }
      : { channelId, kind: EnvelopeKind.Message, replyTo: reply?.id, thread: props.threadRoot, content: { text: body } });
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey) void submit(e);
    if (e.key === 'Escape') {
      setEditing(undefined);
      setReplyTo(undefined);
    }
    const now = Date.now();
    if (props.channel && now - lastTyping > 3000) {
      lastTyping = now;
      void sendTyping(props.channel.id);
    }
  };

  return (
    <section class="messages-pane" aria-label="Messages">
      <header class="pane-head">
        <h2><span aria-hidden="true">{sigil()}</span> {props.channel?.name ?? 'Welcome'}</h2>
        <Show when={props.onClose}><button class="small" aria-label="Close thread" onClick={() => props.onClose?.()}>×</button></Show>
      </header>
      <div class="message-list" ref={list} onScroll={(e) => { if (e.currentTarget.scrollTop < 40 && shown() < messages().length) setShown(shown() + 50); }}>
        <Show when={props.channel} fallback={<div class="empty"><h3>Welcome to Harmony</h3><p>Create a community or open an invite link to start talking. Everything you write is end-to-end encrypted in this browser.</p></div>}>
          <Show when={messages().length > 0} fallback={<p class="empty">No messages yet. Say hello!</p>}>
            <For each={visible()}>{(m) => <MessageItem m={m} onReply={setReplyTo} onEdit={(msg) => { setEditing(msg); setText(msg.text ?? ''); }} />}</For>
          </Show>
        </Show>
      </div>
      <div class="typing" aria-live="polite">
        <Show when={props.channel && (state.typing[props.channel.id] ?? []).filter((d) => d !== state.did).length > 0}>
          {(state.typing[props.channel!.id] ?? []).filter((d) => d !== state.did).map(shortDid).join(', ')} is typing…
        </Show>
      </div>
      <Show when={props.channel}>
        <form class="composer" onSubmit={submit}>
          <Show when={replyTo() || editing()}>
            <div class="composer-context">
              {editing() ? 'Editing message' : `Replying to ${shortDid(replyTo()!.author)}`}
              <button type="button" class="small" onClick={() => { setEditing(undefined); setReplyTo(undefined); }}>Cancel</button>
            </div>
          </Show>
          <textarea rows="1" placeholder={`Message ${props.threadRoot ? "in the thread" : sigil() + props.channel!.name}`} aria-label="Message" data-testid="composer"
            value={text()} onInput={(e) => setText(e.currentTarget.value)} onKeyDown={onKey} />
          <button class="primary" type="submit" data-testid="send">Send</button>
        </form>
      </Show>
    </section>
  );
}
