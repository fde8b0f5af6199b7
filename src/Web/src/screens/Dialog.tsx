import { onCleanup, onMount, type JSX } from 'solid-js';

/** A modal dialog (native <dialog>, Escape closes, focus trapped by the browser). */
export function Dialog(props: { title: string; onClose: () => void; children: JSX.Element }) {
  let el: HTMLDialogElement | undefined;
  onMount(() => el?.showModal());
  onCleanup(() => el?.close());
  return (
    <dialog ref={el} class="dialog" aria-label={props.title} onClose={() => props.onClose()}>
      <header class="dialog-head">
        <h2>{props.title}</h2>
        <button class="small" aria-label="Close" onClick={() => props.onClose()}>×</button>
      </header>
      {props.children}
    </dialog>
  );
}
