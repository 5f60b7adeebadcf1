// The lesson's toolbar (Run all, Interrupt, Restart, the kernel's state, the exercises passed,
// Download .ipynb, Reset lesson), the help text the editors point to, notices, and a polite live
// region that tells screen readers what finished. Plain buttons, in the page's tab order.
import type { KernelStatus } from "./kernel";

export interface ToolbarActions {
  runAll(): void;
  interrupt(): void;
  restart(): void;
  download(): void;
  /** Called after the student confirmed. */
  reset(): void;
}

const STATUS_TEXT: Record<KernelStatus, string> = {
  unstarted: "not started",
  starting: "starting…",
  idle: "idle",
  busy: "busy",
  dead: "stopped",
};

/** A button; `icon` is decoration, hidden from screen readers (the label says it all). */
function button(label: string, onClick: () => void, className = "", icon = ""): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  if (icon !== "") {
    const glyph = document.createElement("span");
    glyph.className = "toolbar-icon";
    glyph.setAttribute("aria-hidden", "true");
    glyph.textContent = icon;
    b.append(glyph);
  }
  b.append(label);
  if (className !== "") b.className = className;
  b.addEventListener("click", onClick);
  return b;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly notices: HTMLElement;
  private readonly announcer: HTMLElement;
  private readonly dialog: HTMLDialogElement;
  readonly interruptButton: HTMLButtonElement;

  constructor(main: HTMLElement, actions: ToolbarActions) {
    this.element = document.createElement("section");
    this.element.className = "course-toolbar";
    this.element.setAttribute("aria-label", "Run this lesson");
    this.status = document.createElement("span");
    this.status.className = "kernel-status";
    this.progress = document.createElement("span");
    this.progress.className = "lesson-progress";
    this.interruptButton = button("Interrupt", actions.interrupt, "", "■");
    this.interruptButton.title = "Stop the running cell (its variables are lost)";
    const restart = button("Restart", actions.restart, "", "↻");
    restart.title = "A fresh kernel: every variable is forgotten";
    const runAll = button("Run all", actions.runAll, "primary", "▶▶");
    runAll.title = "Run every cell from the top";
    const group = (...children: HTMLElement[]): HTMLElement => {
      const span = document.createElement("span");
      span.className = "toolbar-group";
      if (children.includes(this.status)) span.classList.add("toolbar-state");
      span.append(...children);
      return span;
    };
    this.dialog = this.resetDialog(actions.reset);
    this.element.append(
      group(runAll, this.interruptButton, restart),
      group(this.status, this.progress),
      group(
        button("Download .ipynb", actions.download),
        button("Reset lesson…", () => this.dialog.showModal()),
      ),
    );
    const help = document.createElement("p");
    help.id = "course-editor-help";
    help.className = "course-help";
    help.textContent =
      "The code cells are editors, run in your browser (the kernel starts on the first run). " +
      "Shift+Enter runs a cell and moves to the next; Ctrl+Enter (⌘+Enter on a Mac) runs it in " +
      "place. Tab indents; Escape then Tab leaves the editor. Your edits and passed exercises are " +
      "kept in this browser.";
    this.notices = document.createElement("div");
    this.notices.className = "course-notices";
    this.announcer = document.createElement("div");
    this.announcer.className = "visually-hidden";
    this.announcer.setAttribute("aria-live", "polite");
    main.prepend(this.element, help, this.notices, this.announcer, this.dialog);
    this.setKernelStatus("unstarted");
  }

  setKernelStatus(status: KernelStatus): void {
    this.status.textContent = `Kernel: ${STATUS_TEXT[status]}`;
    this.status.dataset.status = status;
    this.element.dataset.kernel = status;
  }

  setProgress(passed: number, total: number): void {
    this.progress.hidden = total === 0;
    this.progress.textContent = `${passed} of ${total} exercises passed`;
  }

  /** Tells screen readers (politely) what happened. */
  announce(message: string): void {
    this.announcer.textContent = "";
    // A fresh node each time, so the same message is read again.
    requestAnimationFrame(() => (this.announcer.textContent = message));
  }

  /** A visible notice under the toolbar, with a button to dismiss it (shown once at a time). */
  notice(message: string, kind: "info" | "warning" = "info"): HTMLElement {
    for (const old of Array.from(this.notices.children)) {
      if (old.querySelector("p")?.textContent === message) old.remove();
    }
    const box = document.createElement("div");
    box.className = `course-notice course-notice-${kind}`;
    box.setAttribute("role", kind === "warning" ? "alert" : "status");
    const text = document.createElement("p");
    text.textContent = message;
    box.append(
      text,
      button("Dismiss", () => box.remove(), "notice-dismiss"),
    );
    this.notices.append(box);
    return box;
  }

  private resetDialog(onConfirm: () => void): HTMLDialogElement {
    const dialog = document.createElement("dialog");
    dialog.className = "course-dialog";
    dialog.setAttribute("aria-labelledby", "course-reset-title");
    const title = document.createElement("h2");
    title.id = "course-reset-title";
    title.textContent = "Reset this lesson?";
    const text = document.createElement("p");
    text.textContent =
      "Every cell goes back to the lesson's original code, your saved edits and passed exercises " +
      "of this lesson are forgotten, and the kernel restarts. Download the notebook first to keep " +
      "a copy of your work.";
    const cancel = button("Cancel", () => dialog.close());
    const confirm = button("Reset lesson", () => (dialog.close(), onConfirm()), "danger");
    const buttons = document.createElement("div");
    buttons.className = "dialog-buttons";
    buttons.append(cancel, confirm);
    dialog.append(title, text, buttons);
    return dialog;
  }
}
