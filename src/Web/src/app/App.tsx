import { Match, onMount, Switch } from 'solid-js';
import { loadStoredIdentity } from '../storage/keystoreStore';
import { Onboarding } from '../screens/Onboarding';
import { Shell } from '../screens/Shell';
import { Unlock } from '../screens/Unlock';
import { setState, state } from './state';

/** Chooses the screen: onboarding without an identity, the lock screen, or the app. */
export function App() {
  onMount(async () => {
    try {
      const stored = await loadStoredIdentity();
      setState(stored ? { phase: 'locked', did: stored.did } : { phase: 'onboarding' });
    } catch {
      setState({ phase: 'onboarding', notice: { kind: 'error', text: 'This browser does not allow local storage (IndexedDB); your identity cannot be kept here.' } });
    }
  });
  return (
    <Switch fallback={<p class="loading">Loading…</p>}>
      <Match when={state.phase === 'onboarding'}><Onboarding /></Match>
      <Match when={state.phase === 'locked'}><Unlock /></Match>
      <Match when={state.phase === 'ready'}><Shell /></Match>
    </Switch>
  );
}
