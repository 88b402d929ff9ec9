/**
 * Hover intent, as readers know it from Wikipedia's page previews: a card opens after the pointer
 * rests on a name for a while, stays while the pointer moves into it, and closes a little after the
 * pointer leaves both. A card for a name the pointer already left never appears; moving from name to
 * name keeps the current card until the next one replaces it (no flicker). Pure: timers are injected.
 * Which card is open is not kept here: the owner (the page's Session) answers `shown()`, and `open` /
 * `close` change it, so that a card that could not open is never taken for an open one.
 */

/** Timer functions (setTimeout/clearTimeout, or fakes in tests). */
export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

/** Options of a HoverIntent. */
export interface HoverIntentOptions<T> {
  /** Rest time before a card opens (read at each hover, so a settings change applies at once). */
  openDelayMs: () => number;
  /** Time a card stays after the pointer left the name and the card. */
  closeDelayMs: number;
  /** Two targets are the same name on the page. */
  isSame: (a: T, b: T) => boolean;
  /** The target whose card is shown, as its owner knows it. */
  shown: () => T | undefined;
  /** Shows the card of `target` (the owner then reports it from `shown`). */
  open: (target: T) => void;
  /** Called when the pointer starts resting on a name: a chance to prepare its card unseen. */
  prepare?: ((target: T) => void) | undefined;
  /** Hides the shown card (the owner then reports none from `shown`). */
  close: () => void;
  timers: Timers;
}

/** Default time a card stays after the pointer leaves. */
export const CLOSE_DELAY_MS = 300;

/** The hover state machine. */
export class HoverIntent<T> {
  private hovered: T | undefined;
  private isInCard = false;
  /** After Escape: the name under the pointer does not reopen until the pointer leaves it. */
  private suppressed: T | undefined;
  private openTimer: unknown;
  private closeTimer: unknown;

  constructor(private readonly options: HoverIntentOptions<T>) {}

  /** The pointer is now over `target` (a name), or over no name. */
  pointerOn(target: T | undefined): void {
    const { isSame } = this.options;
    const shown = this.options.shown();
    if (
      target === undefined
        ? this.hovered === undefined
        : this.hovered !== undefined && isSame(this.hovered, target)
    )
      return;
    this.hovered = target;
    this.cancelOpen();
    if (this.suppressed !== undefined && (target === undefined || !isSame(this.suppressed, target)))
      this.suppressed = undefined;
    if (target === undefined) {
      if (shown !== undefined && !this.isInCard) this.scheduleClose();
      return;
    }
    if (shown !== undefined && isSame(shown, target)) {
      this.cancelClose();
      return;
    }
    if (this.suppressed !== undefined) return;
    // Another name while a card is shown: keep it until this one opens (no flicker).
    this.cancelClose();
    this.options.prepare?.(target);
    this.openTimer = this.options.timers.set(() => {
      this.openTimer = undefined;
      if (this.hovered !== undefined && isSame(this.hovered, target)) this.show(target);
    }, this.options.openDelayMs());
  }

  /** The pointer entered (true) or left (false) the card. */
  pointerInCard(isInside: boolean): void {
    this.isInCard = isInside;
    const shown = this.options.shown();
    if (isInside) this.cancelClose();
    else if (shown !== undefined && (this.hovered === undefined || !this.options.isSame(this.hovered, shown)))
      this.scheduleClose();
  }

  /** Opens at once (keyboard navigation, the popup). */
  openNow(target: T): void {
    this.cancelOpen();
    this.cancelClose();
    this.suppressed = undefined;
    this.show(target);
  }

  /** Closes at once (Escape, the close button); the name under the pointer stays quiet until left. */
  dismiss(): void {
    this.cancelOpen();
    this.cancelClose();
    this.suppressed = this.hovered;
    this.closeShown();
  }

  private show(target: T): void {
    this.cancelClose();
    this.options.open(target);
  }

  private closeShown(): void {
    if (this.options.shown() === undefined) return;
    this.isInCard = false;
    this.options.close();
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = this.options.timers.set(() => {
      this.closeTimer = undefined;
      this.closeShown();
    }, this.options.closeDelayMs);
  }

  private cancelOpen(): void {
    if (this.openTimer !== undefined) this.options.timers.clear(this.openTimer);
    this.openTimer = undefined;
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) this.options.timers.clear(this.closeTimer);
    this.closeTimer = undefined;
  }
}
