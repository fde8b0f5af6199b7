import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { generatePhrase, parsePhrase } from '../crypto/mnemonic';
import { identityFromPhrase } from '../crypto/identity';
import { HarmonyError } from '../crypto/errors';
import { saveIdentity } from '../storage/keystoreStore';
import { start } from '../app/session';
import { PassphraseForm } from './PassphraseForm';

type Step = 'welcome' | 'show' | 'confirm' | 'restore' | 'passphrase';

/** Picks three distinct word positions to ask back. */
function pickPositions(count: number): number[] {
  const picked = new Set<number>();
  while (picked.size < 3) picked.add(crypto.getRandomValues(new Uint32Array(1))[0]! % count);
  return [...picked].sort((a, b) => a - b);
}

/** Create an identity (phrase shown once, then confirmed) or restore one; then protect it with a passphrase. */
export function Onboarding() {
  const [step, setStep] = createSignal<Step>('welcome');
  const [phrase, setPhrase] = createSignal('');
  const [written, setWritten] = createSignal(false);
  const [positions, setPositions] = createSignal<number[]>([]);
  const [answers, setAnswers] = createSignal<Record<number, string>>({});
  const [error, setError] = createSignal('');
  const [restoreText, setRestoreText] = createSignal('');

  const words = () => phrase().split(' ');

  const beginCreate = () => {
    setPhrase(generatePhrase());
    setWritten(false);
    setError('');
    setStep('show');
  };

  const beginConfirm = () => {
    setPositions(pickPositions(words().length));
    setAnswers({});
    setError('');
    setStep('confirm');
  };

  const checkConfirm = (e: Event) => {
    e.preventDefault();
    const wrong = positions().filter((p) => (answers()[p] ?? '').trim().toLowerCase() !== words()[p]);
    if (wrong.length > 0) {
      setError(`Word ${wrong.map((p) => p + 1).join(', ')} does not match. Check your copy of the phrase.`);
      return;
    }
    setError('');
    setStep('passphrase');
  };

  const checkRestore = (e: Event) => {
    e.preventDefault();
    try {
      setPhrase(parsePhrase(restoreText()));
      setError('');
      setStep('passphrase');
    } catch (err) {
      setError(err instanceof HarmonyError ? err.message : String(err));
    }
  };

  const finish = async (passphrase: string) => {
    const p = phrase();
    const identity = identityFromPhrase(p);
    const did = identity.did;
    identity.dispose();
    await saveIdentity(did, p, passphrase);
    setPhrase('');
    await start(p);
  };

  return (
    <main class="onboarding">
      <section class="card" aria-live="polite">
        <h1 class="brand">Harmony</h1>
        <Switch>
          <Match when={step() === 'welcome'}>
            <p class="lead">Chat that only you and the people you talk to can read. Your identity is a key that lives in this browser; the server only ever sees ciphertext.</p>
            <div class="stack">
              <button class="primary" onClick={beginCreate} data-testid="create-identity">Create a new identity</button>
              <button onClick={() => { setError(''); setStep('restore'); }} data-testid="restore-identity">Restore from a recovery phrase</button>
            </div>
          </Match>
          <Match when={step() === 'show'}>
            <h2>Your recovery phrase</h2>
            <p class="warning" role="alert">Write these 24 words down, in order, and keep them somewhere safe. They are the only backup of your identity, anyone who has them can act as you, and they will not be shown again.</p>
            <ol class="phrase" data-testid="phrase">
              <For each={words()}>{(w) => <li data-testid="phrase-word">{w}</li>}</For>
            </ol>
            <label class="check">
              <input type="checkbox" checked={written()} onChange={(e) => setWritten(e.currentTarget.checked)} data-testid="phrase-written" />
              I have written down my recovery phrase
            </label>
            <div class="row">
              <button onClick={() => setStep('welcome')}>Back</button>
              <button class="primary" disabled={!written()} onClick={beginConfirm} data-testid="phrase-continue">Continue</button>
            </div>
          </Match>
          <Match when={step() === 'confirm'}>
            <h2>Confirm your phrase</h2>
            <p>Type the words at these positions to show you have them.</p>
            <form onSubmit={checkConfirm} class="stack">
              <For each={positions()}>
                {(p) => (
                  <label>
                    Word {p + 1}
                    <input autocomplete="off" autocapitalize="none" spellcheck={false} data-testid={`confirm-word-${p + 1}`}
                      onInput={(e) => setAnswers({ ...answers(), [p]: e.currentTarget.value })} />
                  </label>
                )}
              </For>
              <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
              <div class="row">
                <button type="button" onClick={() => setStep('show')}>Show the phrase again</button>
                <button class="primary" type="submit" data-testid="confirm-continue">Confirm</button>
              </div>
            </form>
          </Match>
          <Match when={step() === 'restore'}>
            <h2>Restore your identity</h2>
            <form onSubmit={checkRestore} class="stack">
              <label>
                Recovery phrase (12 to 24 words)
                <textarea rows="4" autocomplete="off" autocapitalize="none" spellcheck={false} data-testid="restore-phrase"
                  value={restoreText()} onInput={(e) => setRestoreText(e.currentTarget.value)} />
              </label>
              <Show when={error()}><p class="error" role="alert" data-testid="restore-error">{error()}</p></Show>
              <div class="row">
                <button type="button" onClick={() => setStep('welcome')}>Back</button>
                <button class="primary" type="submit" data-testid="restore-continue">Continue</button>
              </div>
            </form>
          </Match>
          <Match when={step() === 'passphrase'}>
            <h2>Protect this device</h2>
            <p>Choose a passphrase. Your key is stored in this browser encrypted with it (Argon2id + XChaCha20-Poly1305); you will need it to unlock Harmony here.</p>
            <PassphraseForm confirm submitLabel="Save and continue" onSubmit={finish} />
          </Match>
        </Switch>
      </section>
    </main>
  );
}
