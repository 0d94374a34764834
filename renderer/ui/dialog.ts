// Modal dialogs on the native <dialog> element: showModal() gives a real modal (inert background,
// focus kept inside, Esc to cancel) that screen readers announce with its title.
import { h, uid } from './dom.ts';

/** A button at the bottom of a dialog. */
export interface DialogAction {
  /** returned by `result` when chosen */
  id: string;
  label: string;
  /** the default button (styled, focused first when nothing else asks for focus) */
  primary?: boolean;
  /** keep the dialog open and call this instead of resolving */
  onClick?: () => void;
}

export interface DialogOptions {
  title: string;
  /** the dialog's content */
  body: Node[];
  actions: DialogAction[];
  /** what gets focus when it opens (default: the primary button) */
  initialFocus?: HTMLElement;
  /** a name for tests and styling: `data-dialog` */
  name: string;
  /** what Esc returns (default null) */
  cancelId?: string | null;
  /** the body is long and scrolls (a table with nothing focusable in it): it joins the tab order as
   * a region named by the title, so the keyboard can scroll it */
  scrollable?: boolean;
}

export interface DialogHandle {
  el: HTMLDialogElement;
  /** the chosen action id, or the cancel id when dismissed */
  result: Promise<string | null>;
  close(id: string | null): void;
  /** the action buttons by id, e.g. to disable one while work runs */
  buttons: Map<string, HTMLButtonElement>;
}

/** Opens a modal dialog; focus returns where it was when it closes. */
export function openDialog(o: DialogOptions): DialogHandle {
  const titleId = uid('dlg-title');
  const buttons = new Map<string, HTMLButtonElement>();
  let resolve!: (v: string | null) => void;
  const result = new Promise<string | null>((r) => (resolve = r));
  const returnFocus = document.activeElement as HTMLElement | null;
  const el = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'data-dialog': o.name });
  const footer = h('div', { class: 'dialog-actions' });
  let done = false;
  const close = (id: string | null) => {
    if (done) return;
    done = true;
    el.close();
    el.remove();
    resolve(id);
    returnFocus?.focus?.();
  };
  for (const a of o.actions) {
    const b = h('button', { type: 'button', class: a.primary ? 'primary' : '', 'data-action': a.id }, a.label);
    b.addEventListener('click', () => (a.onClick ? a.onClick() : close(a.id)));
    buttons.set(a.id, b);
    footer.append(b);
  }
  const body = o.scrollable
    ? h('div', { class: 'dialog-body', tabindex: 0, role: 'region', 'aria-labelledby': titleId }, ...o.body)
    : h('div', { class: 'dialog-body' }, ...o.body);
  el.append(h('h2', { id: titleId, class: 'dialog-title' }, o.title), body, footer);
  el.addEventListener('cancel', (ev) => {
    ev.preventDefault();
    close(o.cancelId ?? null);
  });
  document.body.append(el);
  el.showModal();
  const first = o.initialFocus ?? [...buttons.values()].find((b, i) => o.actions[i].primary) ?? [...buttons.values()][0];
  first?.focus();
  return { el, result, close, buttons };
}

/** A dialog with a message and choices; resolves to the chosen id (or `cancelId` on Esc). */
export function ask(name: string, title: string, message: string | Node[], actions: DialogAction[], cancelId: string | null = null): Promise<string | null> {
  const body = typeof message === 'string' ? [h('p', {}, message)] : message;
  return openDialog({ name, title, body, actions, cancelId }).result;
}

/** Options of openRunReviewDialog. */
export interface RunReviewOptions<T extends { review: boolean }> {
  name: string;
  title: string;
  /** the form; submitting it (Enter) runs */
  form: HTMLFormElement;
  initialFocus?: HTMLElement;
  /** label of the primary button */
  runLabel: string;
  /** label of the button that closes the dialog to step through the rows the run was unsure about */
  reviewLabel: string;
  closeLabel: string;
  run: () => void;
  /** what the run did so far (null: nothing yet); its `review` is set when the dialog closes */
  outcome: () => T | null;
  /** while true the dialog stays open (a result is on its way: closing now would drop it) */
  busy?: () => boolean;
}

/** A dialog that runs one action and then offers Review or Close (the translation and memory
 * imports). Review is hidden until `ran(lowCount)` says there is something to review. */
export function openRunReviewDialog<T extends { review: boolean }>(o: RunReviewOptions<T>): { dlg: DialogHandle; ran(lowCount: number): void; result: Promise<T | null> } {
  const finish = (review: boolean) => {
    if (o.busy?.()) return;
    const outcome = o.outcome();
    if (outcome) outcome.review = review;
    dlg.close(review ? 'review' : 'close');
  };
  const dlg = openDialog({
    name: o.name,
    title: o.title,
    body: [o.form],
    initialFocus: o.initialFocus,
    actions: [
      { id: 'run', label: o.runLabel, primary: true, onClick: () => o.run() },
      { id: 'review', label: o.reviewLabel, onClick: () => finish(true) },
      { id: 'close', label: o.closeLabel, onClick: () => finish(false) },
    ],
    cancelId: 'close',
  });
  dlg.buttons.get('review')!.hidden = true;
  o.form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    o.run();
  });
  return {
    dlg,
    ran(lowCount: number) {
      const review = dlg.buttons.get('review')!;
      review.hidden = lowCount === 0;
      (review.hidden ? dlg.buttons.get('close')! : review).focus();
    },
    result: dlg.result.then(() => o.outcome()),
  };
}
