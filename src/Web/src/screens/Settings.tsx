import { createSignal } from 'solid-js';
import { lock, currentHub } from '../app/session';
import { setState, state } from '../app/state';
import { loadStoredIdentity } from '../storage/keystoreStore';
import { describeError } from '../net/errors';
import { Dialog } from './Dialog';

function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** Profile, identity and devices, export, lock. */
export function Settings(props: { onClose: () => void }) {
  const [name, setName] = createSignal(state.displayName);
  const [status, setStatus] = createSignal('');
  const saveProfile = async (e: Event) => {
    e.preventDefault();
    setState('displayName', name().trim());
    localStorage.setItem('harmony.displayName', name().trim());
    try {
      await currentHub()?.call('SetProfile', { displayName: name().trim() });
      setStatus(currentHub() ? 'Saved.' : 'Saved on this device; the server gets it when you are online.');
    } catch (err) {
      setStatus(describeError(err));
    }
  };
  const exportKeystore = async () => {
    const stored = await loadStoredIdentity();
    if (stored) download('harmony-keystore.json', stored.keystore);
  };
  const exportData = () => download('harmony-export.json', { did: state.did, profile: { displayName: state.displayName }, communities: state.communities, messages: state.messages });
  return (
    <Dialog title="Settings" onClose={props.onClose}>
      <form class="stack" onSubmit={saveProfile}>
        <h3>Profile</h3>
        <label>Display name<input value={name()} maxLength={64} onInput={(e) => setName(e.currentTarget.value)} data-testid="display-name" /></label>
        <button class="primary" type="submit" data-testid="save-profile">Save profile</button>
        <p class="muted" role="status">{status()}</p>
      </form>
      <h3>Identity</h3>
      <p class="did" data-testid="settings-did">{state.did}</p>
      <h3>Devices</h3>
      <ul><li>This browser (keys encrypted in IndexedDB)</li></ul>
      <p class="muted">Linking more devices uses device credentials; until then restore your recovery phrase on each device.</p>
      <h3>Your data</h3>
      <div class="row">
        <button onClick={exportData} data-testid="export-data">Export my data</button>
        <button onClick={() => void exportKeystore()} data-testid="export-keystore">Export keystore (for the harmony CLI)</button>
      </div>
      <div class="row">
        <button class="danger" onClick={() => { props.onClose(); void lock(); }} data-testid="lock">Lock</button>
      </div>
    </Dialog>
  );
}
