import { Show } from 'solid-js';
import { forgetIdentity, loadStoredIdentity, unlockPhrase } from '../storage/keystoreStore';
import { start } from '../app/session';
import { setState, shortDid, state } from '../app/state';
import { PassphraseForm } from './PassphraseForm';

/** The lock screen: the stored identity is encrypted until its passphrase is given. */
export function Unlock() {
  const unlock = async (passphrase: string) => {
    const stored = await loadStoredIdentity();
    if (!stored) return setState('phase', 'onboarding');
    await start(await unlockPhrase(stored, passphrase));
  };
  const forget = async () => {
    if (!confirm('Remove this identity from this browser? Without its recovery phrase it cannot be restored.')) return;
    await forgetIdentity();
    setState('phase', 'onboarding');
  };
  return (
    <main class="onboarding">
      <section class="card">
        <h1 class="brand">Harmony</h1>
        <h2>Unlock</h2>
        <Show when={state.did}>
          <p class="did" title={state.did} data-testid="locked-did">{shortDid(state.did!)}</p>
        </Show>
        <PassphraseForm submitLabel="Unlock" onSubmit={unlock} />
        <button class="link" onClick={forget}>Use a different identity</button>
      </section>
    </main>
  );
}
