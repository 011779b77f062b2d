// The minutes editor: a small progressive enhancement of a <textarea data-minutes-editor>.
// Without JavaScript the textarea works as it is (plain text, paragraphs kept by the server).
// With it, the textarea is replaced by an editable region with a toolbar for bold, italic,
// bulleted and numbered lists and links. The region is a labelled, multi-line textbox; the
// toolbar is one tab stop whose buttons are reached with the arrow keys (WAI-ARIA toolbar).
// The HTML goes back through the textarea, and the server sanitises whatever it receives.

const ALLOWED = new Set(["P", "BR", "STRONG", "B", "EM", "I", "U", "UL", "OL", "LI", "A", "H3", "H4", "BLOCKQUOTE", "DIV"]);
const DROPPED = new Set(["SCRIPT", "STYLE", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "SVG", "MATH", "HEAD", "TITLE"]);
const SAFE_LINK = /^(https?:|mailto:)/i;
// Chromium's bold and italic commands write <b> and <i>; minutes store their meaning.
const RENAMED = { B: "strong", I: "em" };

const BUTTONS = [
  { command: "bold", label: "Bold", toggles: true },
  { command: "italic", label: "Italic", toggles: true },
  { command: "insertUnorderedList", label: "Bulleted list", toggles: true },
  { command: "insertOrderedList", label: "Numbered list", toggles: true },
  { command: "createLink", label: "Link", toggles: false },
];

// Only the tags minutes need, parsed in an inert document so nothing in them runs or loads.
function clean(html) {
  const source = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
  const target = document.createDocumentFragment();
  copyAllowed(source, target);
  const holder = document.createElement("div");
  holder.append(target);
  return holder.innerHTML;
}

function copyAllowed(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(document.createTextNode(node.textContent));
    } else if (node.nodeType === Node.ELEMENT_NODE && !DROPPED.has(node.tagName)) {
      if (node.tagName === "P" && !node.textContent.trim()) continue; // an empty line left by Enter
      if (ALLOWED.has(node.tagName)) {
        const copy = document.createElement(RENAMED[node.tagName] || node.tagName.toLowerCase());
        const href = node.getAttribute("href");
        if (node.tagName === "A" && href && SAFE_LINK.test(href.trim())) copy.setAttribute("href", href.trim());
        copyAllowed(node, copy);
        to.append(copy);
      } else {
        copyAllowed(node, to); // an unknown wrapper is dropped, its words kept
      }
    }
  }
}

function escapeHtml(text) {
  const holder = document.createElement("div");
  holder.textContent = text;
  return holder.innerHTML;
}

function enhance(textarea) {
  const id = textarea.id;
  const label = document.querySelector(`label[for="${id}"]`);
  if (label && !label.id) label.id = `${id}-label`;

  const editor = document.createElement("div");
  editor.className = "govuk-textarea app-editor__area";
  if (textarea.classList.contains("govuk-textarea--error")) editor.classList.add("govuk-textarea--error");
  editor.contentEditable = "true";
  editor.setAttribute("role", "textbox");
  editor.setAttribute("aria-multiline", "true");
  if (label) editor.setAttribute("aria-labelledby", label.id);
  for (const name of ["aria-describedby", "aria-invalid"]) {
    if (textarea.hasAttribute(name)) editor.setAttribute(name, textarea.getAttribute(name));
  }
  // Typing starts inside a paragraph, so the first line is one like the rest.
  editor.innerHTML = clean(textarea.value) || "<p><br></p>";

  const toolbar = document.createElement("div");
  toolbar.className = "app-editor__toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", label ? `Formatting for ${label.textContent.trim()}` : "Formatting");
  const buttons = BUTTONS.map((spec, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `app-editor__button app-editor__button--${spec.command}`;
    button.textContent = spec.label;
    button.tabIndex = index === 0 ? 0 : -1;
    if (spec.toggles) button.setAttribute("aria-pressed", "false");
    button.dataset.command = spec.command;
    toolbar.append(button);
    return button;
  });

  // The editable region takes the textarea's id, so the label, the error summary's link and
  // the hint all lead to it; the textarea stays in the form, hidden, to carry the HTML.
  textarea.removeAttribute("id");
  editor.id = id;
  textarea.hidden = true; // kept hidden by editor.css: .govuk-textarea's display would show it
  const wrapper = document.createElement("div");
  wrapper.className = "app-editor";
  textarea.before(wrapper);
  wrapper.append(toolbar, editor, textarea);
  toolbar.setAttribute("aria-controls", id);
  if (label) label.addEventListener("click", () => editor.focus());

  document.execCommand("defaultParagraphSeparator", false, "p");
  let savedRange = null;

  const sync = () => {
    textarea.value = clean(editor.innerHTML);
  };
  const selectionInside = () => {
    const selection = document.getSelection();
    return selection.rangeCount > 0 && editor.contains(selection.getRangeAt(0).commonAncestorContainer);
  };
  const showState = () => {
    if (!selectionInside()) return;
    savedRange = document.getSelection().getRangeAt(0).cloneRange();
    buttons.forEach((button, index) => {
      if (BUTTONS[index].toggles) {
        button.setAttribute("aria-pressed", String(document.queryCommandState(BUTTONS[index].command)));
      }
    });
  };
  // Back to where the writer was. A selection still in the text is left alone: setting it
  // again would lose Chromium's typing style (bold switched off at the end of a line).
  const restore = () => {
    editor.focus();
    if (savedRange && !selectionInside()) {
      const selection = document.getSelection();
      selection.removeAllRanges();
      selection.addRange(savedRange);
    }
  };
  const addLink = () => {
    const address = window.prompt("Link address, starting https://");
    restore();
    if (!address) return;
    const href = address.trim();
    if (!SAFE_LINK.test(href)) {
      window.alert("A link starts with https://, http:// or mailto:");
      return;
    }
    if (document.getSelection().isCollapsed) {
      document.execCommand("insertHTML", false, `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`);
    } else {
      document.execCommand("createLink", false, href);
    }
  };
  const run = (command) => {
    if (command === "createLink") {
      addLink();
    } else {
      restore();
      document.execCommand(command, false, null);
    }
    sync();
    showState();
  };

  toolbar.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-command]");
    if (button) run(button.dataset.command);
  });
  // Keeps the selection in the text while a button is pressed with the mouse.
  toolbar.addEventListener("mousedown", (event) => event.preventDefault());
  toolbar.addEventListener("keydown", (event) => {
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key] + buttons.length) % buttons.length;
    buttons[at].tabIndex = -1;
    buttons[next].tabIndex = 0;
    buttons[next].focus();
  });
  editor.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
      event.preventDefault();
      run("createLink");
    }
  });
  editor.addEventListener("paste", (event) => {
    const html = event.clipboardData.getData("text/html");
    const text = event.clipboardData.getData("text/plain");
    event.preventDefault();
    if (html) {
      document.execCommand("insertHTML", false, clean(html));
    } else {
      document.execCommand("insertText", false, text);
    }
  });
  editor.addEventListener("input", sync);
  document.addEventListener("selectionchange", showState);
  textarea.form?.addEventListener("submit", sync);
}

document.querySelectorAll("textarea[data-minutes-editor]").forEach(enhance);
