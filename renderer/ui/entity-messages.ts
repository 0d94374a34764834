// The entity plugin's messages on screen: the editor keeps them as keys and values
// (renderer/editor/entities/state.ts); here i18next translates them (entities.msg.<key>, plurals
// by `count`) into a polite live region in the editor's mount, hidden again after a while.
import type { TFunction } from 'i18next';
import type { EntityMessage } from '../editor/entities/state.ts';

/** How long a message stays on screen, ms. */
const SHOW_MS = 6000;

/** The text of a message in the UI language. */
export function messageText(t: TFunction, m: Pick<EntityMessage, 'key' | 'values'>): string {
  return t(`entities.msg.${m.key}`, { ...(m.values ?? {}) });
}

/** A toast in `host` (the editor's mount) for entity messages, announced to screen readers. */
export class EntityToast {
  private el: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly host: () => HTMLElement | null, private readonly t: () => TFunction) {}

  /** Shows `text` ('error' styles it as a refusal; the text says so too, not the colour alone). */
  showText(text: string, kind: EntityMessage['kind']): void {
    const host = this.host();
    if (!host) return;
    if (!this.el) {
      this.el = document.createElement('div');
      this.el.className = 'ent-toast';
      this.el.setAttribute('role', 'status');
      this.el.setAttribute('aria-live', 'polite');
      host.append(this.el);
    }
    this.el.classList.toggle('ent-toast-error', kind === 'error');
    this.el.dir = 'auto';
    this.el.textContent = text;
    this.el.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.el) this.el.hidden = true;
    }, SHOW_MS);
  }

  /** Shows an entity message, translated. */
  show(m: EntityMessage): void {
    this.showText(messageText(this.t(), m), m.kind);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.el?.remove();
    this.el = null;
  }
}
