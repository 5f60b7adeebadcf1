// A code cell's editor: CodeMirror 6 with TypeScript highlighting and Jupyter's keys
// (Shift-Enter runs the cell and moves on, Ctrl/Cmd-Enter runs it in place). Tokens get
// highlight.js's class names, so the editors wear the same light and dark colours as the page's
// static code (assets/hljs-light.css, hljs-dark.css). Tab indents; Escape then Tab (or Ctrl-M, then
// Tab) moves the focus on, as CodeMirror provides, so the keyboard is never trapped.
import { EditorState, Prec } from "@codemirror/state";
import { EditorView, drawSelection, highlightSpecialChars, keymap } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { tagHighlighter, tags as t } from "@lezer/highlight";

/** Lezer's syntax tags → highlight.js classes (as highlight.js marks TypeScript). */
const hljsClasses = tagHighlighter([
  {
    tag: [t.keyword, t.modifier, t.controlKeyword, t.operatorKeyword, t.definitionKeyword],
    class: "hljs-keyword",
  },
  { tag: [t.moduleKeyword, t.self], class: "hljs-keyword" },
  { tag: [t.string, t.special(t.string), t.regexp], class: "hljs-string" },
  { tag: [t.number], class: "hljs-number" },
  { tag: [t.bool, t.null, t.atom], class: "hljs-literal" },
  { tag: [t.comment, t.lineComment, t.blockComment], class: "hljs-comment" },
  {
    tag: [t.function(t.variableName), t.function(t.propertyName)],
    class: "hljs-title function_",
  },
  { tag: [t.typeName, t.className, t.namespace], class: "hljs-type" },
]);

/** The editor in the page's colours (CSS variables of site.css and course-page.css). */
const pageTheme = EditorView.theme({
  "&": { backgroundColor: "var(--code-bg)", color: "var(--fg)" },
  ".cm-scroller": { fontFamily: "inherit", lineHeight: "1.45" },
  ".cm-content": { padding: "0.7rem 0", caretColor: "var(--fg)" },
  ".cm-line": { padding: "0 0.9rem" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground":
    { backgroundColor: "var(--cm-selection)" },
  "&.cm-focused .cm-matchingBracket": {
    backgroundColor: "transparent",
    outline: "1px solid var(--muted)",
  },
  "&.cm-focused": { outline: "2px solid var(--accent)", outlineOffset: "-2px" },
});

/** What an editor calls back. */
export interface EditorHooks {
  /** Shift-Enter: run this cell, then move the focus to the next one. */
  runAndAdvance(): void;
  /** Ctrl/Cmd-Enter: run this cell and stay. */
  run(): void;
  /** Every change of the text (the page saves edits). */
  changed(text: string): void;
}

/**
 * Creates the editor in `parent` with `source`; `label` names it for screen readers
 * ("Code cell 3 of 17"), `describedBy` is the id of the help text about its keys.
 */
export function createEditor(
  parent: HTMLElement,
  source: string,
  options: { label: string; describedBy: string; hooks: EditorHooks },
): EditorView {
  const { hooks } = options;
  const jupyterKeys = Prec.highest(
    keymap.of([
      { key: "Shift-Enter", run: () => (hooks.runAndAdvance(), true) },
      { key: "Mod-Enter", run: () => (hooks.run(), true) },
    ]),
  );
  const state = EditorState.create({
    doc: source,
    extensions: [
      jupyterKeys,
      history(),
      drawSelection(),
      highlightSpecialChars(),
      indentOnInput(),
      bracketMatching(),
      EditorState.tabSize.of(2),
      javascript({ typescript: true }),
      syntaxHighlighting(hljsClasses),
      pageTheme,
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      EditorView.contentAttributes.of({
        // Focusable already (contenteditable); said outright so that checkers see the scroller's
        // content can take the keyboard (axe's scrollable-region-focusable).
        tabindex: "0",
        "aria-label": options.label,
        "aria-describedby": options.describedBy,
      }),
      EditorView.editorAttributes.of({ class: "hljs" }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) hooks.changed(update.state.doc.toString());
      }),
    ],
  });
  return new EditorView({ state, parent });
}

/** Replaces the whole text of an editor (Reset lesson, `window.course.setSource`). */
export function setEditorText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
