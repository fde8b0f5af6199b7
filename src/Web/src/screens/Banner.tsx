import { Match, Show, Switch } from 'solid-js';
import { connect } from '../app/session';
import { setState, state } from '../app/state';

/** Connection state, queued messages and the latest notice, announced to screen readers. */
export function Banner() {
  return (
    <div class="banners" aria-live="polite">
      <Switch>
        <Match when={state.connection === 'connecting' || state.connection === 'reconnecting'}>
          <div class="banner info" data-testid="connection">
            Connecting to the server…
            <Show when={state.outboxCount > 0}> · {state.outboxCount} message(s) queued, sent when the connection is back</Show>
          </div>
        </Match>
        <Match when={state.connection === 'offline' || state.connection === 'unavailable'}>
          <div class="banner warn" data-testid="connection">
            {state.connection === 'unavailable' ? 'This server does not offer chat yet' : 'Offline'}
            <Show when={state.connectionDetail}>: {state.connectionDetail}</Show>
            <Show when={state.outboxCount > 0}> · {state.outboxCount} message(s) queued</Show>
            <button class="small" onClick={() => void connect()}>Retry now</button>
          </div>
        </Match>
      </Switch>
      <Show when={state.notice}>
        <div class={`banner ${state.notice!.kind === 'error' ? 'error' : 'info'}`} role="alert" data-testid="notice">
          {state.notice!.text}
          <button class="small" aria-label="Dismiss" onClick={() => setState('notice', undefined)}>×</button>
        </div>
      </Show>
    </div>
  );
}
