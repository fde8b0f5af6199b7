import { createSignal, onMount, Show } from 'solid-js';
import { describeError } from '../net/errors';

/** A passphrase field (with confirmation for new keystores) that shows progress while Argon2id runs. */
export function PassphraseForm(props: { confirm?: boolean; submitLabel: string; onSubmit: (passphrase: string) => Promise<void> }) {
  const [pass, setPass] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  let first: HTMLInputElement | undefined;
  // The autofocus attribute is honoured once per document, so a form shown later in a flow focuses itself.
  onMount(() => first?.focus());

  const submit = async (e: Event) => {
    e.preventDefault();
    if (props.confirm && pass().length < 8) return setError('Use at least 8 characters.');
    if (props.confirm && pass() !== again()) return setError('The two passphrases differ.');
    setBusy(true);
    setError('');
    try {
      await props.onSubmit(pass());
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} class="stack">
      <label>
        Passphrase
        <input type="password" autocomplete={props.confirm ? 'new-password' : 'current-password'} data-testid="passphrase" ref={first}
          value={pass()} onInput={(e) => setPass(e.currentTarget.value)} autofocus />
      </label>
      <Show when={props.confirm}>
        <label>
          Passphrase again
          <input type="password" autocomplete="new-password" data-testid="passphrase-again" value={again()} onInput={(e) => setAgain(e.currentTarget.value)} />
        </label>
      </Show>
      <Show when={error()}><p class="error" role="alert" data-testid="passphrase-error">{error()}</p></Show>
      <button class="primary" type="submit" disabled={busy()} data-testid="passphrase-submit">
        {busy() ? 'Deriving key…' : props.submitLabel}
      </button>
    </form>
  );
}
