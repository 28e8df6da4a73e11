// <replylint-box>: a reply box that checks the agent's draft as they type, underlines problems in
// place, offers one-click fixes and the best reply templates for the customer's last message (in
// the conversation the page gives it), shows nothing but a quiet hint when no template fits, and
// tells the server which template the agent used — or that none fitted — so that `replylint tune`
// can learn from it.
// One dependency-free classic script (no build step, no CDN): `replylint serve` serves it as
// GET /widget.js, and any page embeds it with <script src=".../widget.js"></script>.
//
// How the underlines work: the agent types into a native <textarea> with a transparent background.
// Behind it sits a "mirror" <div> with the same font, padding and wrapping that holds the same text
// in transparent ink; the problem spans in the mirror are <mark>s with a wavy underline, so the
// underlines appear exactly under the words of the textarea. The two scroll together.
//
// Safety: everything the server or the agent wrote is put into the page as text (textContent,
// createTextNode), never as HTML.

(() => {
  'use strict';
  if (typeof window === 'undefined' || !window.customElements || customElements.get('replylint-box')) return;

  // The default endpoint is where this script came from (minus "widget.js"), so a page that loads
  // it from the replylint server needs no configuration. document.currentScript is only set while
  // the script first runs, so it is read here, once.
  const DEFAULT_ENDPOINT = (() => {
    const src = document.currentScript && document.currentScript.src;
    try {
      if (src) {
        const dir = new URL('.', src);
        if (dir.protocol === 'http:' || dir.protocol === 'https:') return dir.href.replace(/\/+$/, '');
      }
    } catch {
      /* fall through */
    }
    return /^https?:$/.test(location.protocol) ? location.origin : '';
  })();

  const SEVERITY = {
    error: { label: '错误', rank: 3 },
    warning: { label: '警告', rank: 2 },
    info: { label: '提示', rank: 1 },
  };
  const FAIL_ON = new Set(['error', 'warning', 'info']);
  // A template slot the agent still has to fill: "{{" + 1–40 characters without braces or line
  // breaks + "}}", e.g. {{预计天数}}.
  const SLOT_RE = /\{\{[^{}\n]{1,40}\}\}/g;
  const MAX_TOP = 9;
  // The conversation sent with a suggestion request: the last turns only, each cut to a length
  // that keeps the request small (the ranker looks at the last few turns anyway).
  const HISTORY_TURNS = 10;
  const HISTORY_CHARS = 1000;

  const STYLE = `
:host {
  --rl-bg: #ffffff; --rl-fg: #1f2328; --rl-muted: #5f6670; --rl-line: #d0d7de; --rl-soft: #f6f8fa;
  --rl-accent: #0969da; --rl-focus: #0969da;
  --rl-error: #d1242f; --rl-warning: #b35900; --rl-info: #0969da;
  --rl-good: #1a7f37; --rl-fair: #b35900; --rl-poor: #d1242f;
  --rl-slot-bg: #fff1b8; --rl-slot-line: #d4a72c; --rl-tip-bg: #24292f; --rl-tip-fg: #ffffff;
  display: block; color: var(--rl-fg); font-size: 14px; line-height: 1.5;
  font-family: var(--replylint-font, system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif);
}
@media (prefers-color-scheme: dark) {
  :host {
    --rl-bg: #0d1117; --rl-fg: #e6edf3; --rl-muted: #9198a1; --rl-line: #3d444d; --rl-soft: #151b23;
    --rl-accent: #4493f8; --rl-focus: #4493f8;
    --rl-error: #f85149; --rl-warning: #d29922; --rl-info: #4493f8;
    --rl-good: #3fb950; --rl-fair: #d29922; --rl-poor: #f85149;
    --rl-slot-bg: #4d3800; --rl-slot-line: #d29922; --rl-tip-bg: #e6edf3; --rl-tip-fg: #0d1117;
  }
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.box { display: flex; flex-direction: column; gap: 8px; }
.bar { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; min-height: 28px; }
.score { display: inline-flex; align-items: baseline; gap: 2px; padding: 2px 10px; border-radius: 999px;
  font-weight: 700; color: #fff; background: var(--rl-muted); font-variant-numeric: tabular-nums; }
.score .num { font-size: 16px; }
.score small { font-size: 12px; font-weight: 500; }
.score.good { background: var(--rl-good); } .score.fair { background: var(--rl-fair); } .score.poor { background: var(--rl-poor); }
.verdict { font-weight: 600; }
.verdict.pass { color: var(--rl-good); } .verdict.fail { color: var(--rl-error); } .verdict.none { color: var(--rl-muted); font-weight: 400; }
.counts, .busy, .slots-left { color: var(--rl-muted); font-size: 13px; }
.slots-left { color: var(--rl-warning); }
.busy::before { content: ""; display: inline-block; width: 8px; height: 8px; margin-right: 5px; border-radius: 50%;
  background: var(--rl-accent); animation: rl-pulse 1s ease-in-out infinite; }
@keyframes rl-pulse { 50% { opacity: .25; } }
@media (prefers-reduced-motion: reduce) { .busy::before { animation: none; } }

.editor { position: relative; border: 1px solid var(--rl-line); border-radius: 8px; background: var(--rl-bg); }
.editor:focus-within { border-color: var(--rl-focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--rl-focus) 25%, transparent); }
.field { margin: 0; padding: 10px 12px; border: 0; font: inherit; font-size: 15px; line-height: 1.75;
  letter-spacing: normal; word-spacing: normal; tab-size: 4; text-align: start; text-indent: 0; text-transform: none;
  white-space: pre-wrap; overflow-wrap: break-word; word-break: normal; }
textarea.field { position: relative; z-index: 1; display: block; width: 100%; min-height: 6.5em; resize: vertical;
  background: transparent; color: var(--rl-fg); caret-color: var(--rl-fg); outline: none; border-radius: 8px; overflow-y: auto; }
textarea.field::placeholder { color: var(--rl-muted); }
.backdrop { position: absolute; inset: 0; overflow: hidden; border-radius: 8px; pointer-events: none; }
.mirror { color: transparent; min-height: 100%; }
.mirror mark { color: transparent; background: transparent; border-radius: 2px;
  text-decoration-line: underline; text-decoration-style: wavy; text-decoration-thickness: 1.5px;
  text-underline-offset: 4px; text-decoration-skip-ink: none; }
.mirror mark.error { text-decoration-color: var(--rl-error); }
.mirror mark.warning { text-decoration-color: var(--rl-warning); }
.mirror mark.info { text-decoration-color: var(--rl-info); }
.mirror mark.active.error { background: color-mix(in srgb, var(--rl-error) 16%, transparent); }
.mirror mark.active.warning { background: color-mix(in srgb, var(--rl-warning) 16%, transparent); }
.mirror mark.active.info { background: color-mix(in srgb, var(--rl-info) 16%, transparent); }
.mirror .slot { background: var(--rl-slot-bg); box-shadow: inset 0 -1px 0 var(--rl-slot-line); border-radius: 3px; }

.tip { position: absolute; z-index: 5; max-width: min(420px, 90%); padding: 8px 10px; border-radius: 6px;
  background: var(--rl-tip-bg); color: var(--rl-tip-fg); font-size: 13px; line-height: 1.5; pointer-events: none;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); white-space: pre-wrap; }
.tip[hidden] { display: none; }
.tip .item + .item { margin-top: 6px; padding-top: 6px; border-top: 1px solid color-mix(in srgb, var(--rl-tip-fg) 25%, transparent); }
.tip .sev { font-weight: 700; margin-right: 4px; }
.finding .cat { font-size: 12px; color: var(--rl-muted); background: color-mix(in srgb, var(--rl-muted) 12%, transparent); border-radius: 3px; padding: 0 4px; margin-right: 4px; }
.tip .hint { display: block; opacity: .85; margin-top: 2px; }

.notice { margin: 0; font-size: 12px; color: var(--rl-muted); }
.notice::before { content: "⚠ "; color: var(--rl-warning); }
.notice[hidden] { display: none; }
.live { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

ul.findings, ol.suggestions { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
ul.findings:empty { display: none; }
.finding { display: grid; grid-template-columns: auto 1fr auto; gap: 2px 8px; align-items: start; padding: 6px 8px;
  border: 1px solid var(--rl-line); border-left: 4px solid var(--rl-muted); border-radius: 6px; background: var(--rl-bg); cursor: pointer; }
.finding.error { border-left-color: var(--rl-error); } .finding.warning { border-left-color: var(--rl-warning); } .finding.info { border-left-color: var(--rl-info); }
.finding.active { background: var(--rl-soft); }
.chip { font-size: 12px; font-weight: 700; padding: 0 6px; border-radius: 4px; color: #fff; line-height: 20px; white-space: nowrap; }
.error > .chip { background: var(--rl-error); } .warning > .chip { background: var(--rl-warning); } .info > .chip { background: var(--rl-info); }
.finding .what { min-width: 0; }
.finding .excerpt { font-weight: 600; }
.finding .msg { display: block; color: var(--rl-fg); }
.finding .hint { display: block; color: var(--rl-muted); font-size: 13px; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; justify-content: flex-end; }
button { font: inherit; font-size: 13px; padding: 3px 10px; border-radius: 6px; cursor: pointer; white-space: nowrap;
  border: 1px solid var(--rl-line); background: var(--rl-soft); color: var(--rl-fg); }
button:hover { border-color: var(--rl-accent); }
button.primary { background: var(--rl-accent); border-color: var(--rl-accent); color: #fff; }
:focus-visible { outline: 2px solid var(--rl-focus); outline-offset: 2px; }
textarea.field:focus-visible { outline: none; }

.sugg { border-top: 1px dashed var(--rl-line); padding-top: 8px; }
.sugg h3 { margin: 0 0 6px; font-size: 13px; font-weight: 600; color: var(--rl-muted); display: flex; gap: 6px; flex-wrap: wrap; }
.sugg h3 .for { font-weight: 400; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 100%; }
.suggestion { display: grid; grid-template-columns: auto 1fr auto; gap: 2px 8px; align-items: start; padding: 6px 8px;
  border: 1px solid var(--rl-line); border-radius: 6px; background: var(--rl-bg); }
.suggestion kbd { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; padding: 1px 5px; border: 1px solid var(--rl-line);
  border-bottom-width: 2px; border-radius: 4px; color: var(--rl-muted); background: var(--rl-soft); white-space: nowrap; }
.suggestion .stitle { display: block; font-size: 12px; color: var(--rl-muted); }
.suggestion .stext { display: block; }
.suggestion .slot { background: var(--rl-slot-bg); box-shadow: inset 0 -1px 0 var(--rl-slot-line); border-radius: 3px; padding: 0 1px; }
.sugg .empty { margin: 0; color: var(--rl-muted); font-size: 13px; }
.sugg h3 .sure { font-weight: 400; }
.sugg .sugg-bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 6px; }
.sugg .sugg-bar[hidden], .sugg button[hidden] { display: none; }
.sugg .thanks { color: var(--rl-muted); font-size: 12px; }
.sugg button.quiet { font-size: 12px; padding: 1px 8px; background: transparent; color: var(--rl-muted); }
.keys { margin: 0; font-size: 12px; color: var(--rl-muted); }
`;

  // The static skeleton (no server or user text in it; those are filled in with textContent).
  const SKELETON = `
<div class="box" part="box">
  <div class="bar">
    <span class="score" part="score" title="得分（0–100，100 表示无可改进）"><span class="num">—</span><small>分</small></span>
    <span class="verdict none">待输入</span>
    <span class="counts"></span>
    <span class="slots-left" hidden></span>
    <span class="busy" hidden>检查中…</span>
  </div>
  <div class="editor">
    <div class="backdrop" aria-hidden="true"><div class="mirror field"></div></div>
    <textarea class="field" part="textarea" spellcheck="false" autocomplete="off" aria-describedby="keys"></textarea>
    <div class="tip" id="tip" role="tooltip" hidden></div>
  </div>
  <p class="notice" role="status" hidden></p>
  <div class="live" aria-live="polite" aria-atomic="true"></div>
  <ul class="findings" aria-label="发现的问题"></ul>
  <section class="sugg" aria-label="推荐话术">
    <h3><span>推荐话术</span><span class="sure"></span><span class="for"></span></h3>
    <ol class="suggestions"></ol>
    <p class="empty"></p>
    <div class="sugg-bar" hidden>
      <button type="button" class="quiet anyway" hidden>仍然显示</button>
      <button type="button" class="quiet none-fits" hidden title="告诉系统这些话术都不合适，帮助它改进">都不合适</button>
      <span class="thanks" role="status"></span>
    </div>
  </section>
  <p class="keys" id="keys">Alt+1～3 插入推荐话术 · Tab 进入问题列表 · Esc 关闭提示</p>
</div>`;

  /** Builds an element; string children become text nodes (never HTML). */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  }

  /** Text with its {{slots}} wrapped in <span class="slot"> (as nodes, not HTML). */
  function withSlots(text) {
    const out = [];
    let at = 0;
    for (const m of text.matchAll(SLOT_RE)) {
      if (m.index > at) out.push(text.slice(at, m.index));
      out.push(h('span', { class: 'slot' }, m[0]));
      at = m.index + m[0].length;
    }
    if (at < text.length) out.push(text.slice(at));
    return out;
  }

  /** The one edited region between two versions of a text (common prefix and suffix removed). */
  function editBetween(a, b) {
    const min = Math.min(a.length, b.length);
    let p = 0;
    while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
    let s = 0;
    while (s < min - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
    return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
  }

  /** A range moved across an edit; null when the edit touched its inside (it is no longer known). */
  function moveRange(r, edit) {
    if (r.end <= edit.start) return r;
    if (r.start >= edit.oldEnd) {
      const d = edit.newEnd - edit.oldEnd;
      return { ...r, start: r.start + d, end: r.end + d };
    }
    return null;
  }

  const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isIndex = (v, max) => Number.isInteger(v) && v >= 0 && v <= max;

  /** A finding from the server, checked against the text it was computed for; null if unusable. */
  function cleanFinding(f, len) {
    if (!isObj(f) || !isIndex(f.start, len) || !isIndex(f.end, len) || f.end < f.start) return null;
    const severity = Object.prototype.hasOwnProperty.call(SEVERITY, f.severity) ? f.severity : 'info';
    const out = {
      ruleId: String(f.ruleId ?? ''),
      category: String(f.category ?? ''),
      // the category's label from the rule data (a team's own categories included)
      categoryLabel: typeof f.categoryLabel === 'string' ? f.categoryLabel : '',
      severity,
      message: String(f.message ?? ''),
      excerpt: String(f.excerpt ?? ''),
      suggestions: Array.isArray(f.suggestions) ? f.suggestions.filter((s) => typeof s === 'string' && s !== '') : [],
      start: f.start,
      end: f.end,
      fix: null,
      source: f,
    };
    const x = f.fix;
    if (isObj(x) && isIndex(x.start, len) && isIndex(x.end, len) && x.end >= x.start && typeof x.replacement === 'string') {
      out.fix = { start: x.start, end: x.end, replacement: x.replacement };
    }
    return out;
  }

  function cleanSuggestion(s) {
    if (!isObj(s) || typeof s.text !== 'string' || s.text === '') return null;
    return {
      templateId: String(s.templateId ?? ''),
      intent: String(s.intent ?? ''),
      title: typeof s.title === 'string' ? s.title : '',
      score: typeof s.score === 'number' ? s.score : null,
      engine: String(s.engine ?? ''),
      text: s.text,
    };
  }

  class ApiError extends Error {
    constructor(code, message, status) {
      super(message);
      this.code = code;
      this.status = status;
    }
  }

  class ReplylintBox extends HTMLElement {
    static get observedAttributes() {
      return ['customer-message', 'endpoint', 'api-key', 'debounce', 'fail-on', 'top', 'placeholder', 'label', 'rows', 'no-feedback'];
    }
    static get formAssociated() {
      return true;
    }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
      const style = document.createElement('style');
      style.textContent = STYLE;
      const tpl = document.createElement('template');
      tpl.innerHTML = SKELETON; // static markup only
      root.append(style, tpl.content.cloneNode(true));
      const $ = (sel) => root.querySelector(sel);
      this._el = {
        score: $('.score'), scoreNum: $('.score .num'), verdict: $('.verdict'), counts: $('.counts'), busy: $('.busy'),
        slotsLeft: $('.slots-left'), editor: $('.editor'), backdrop: $('.backdrop'), mirror: $('.mirror'), ta: $('textarea'),
        tip: $('.tip'), notice: $('.notice'), live: $('.live'), findings: $('ul.findings'), sugg: $('.sugg'),
        suggFor: $('.sugg .for'), suggList: $('ol.suggestions'), suggEmpty: $('.sugg .empty'), keys: $('.keys'),
        suggSure: $('.sugg .sure'), suggBar: $('.sugg-bar'), anyway: $('.sugg .anyway'), noneFits: $('.sugg .none-fits'), thanks: $('.sugg .thanks'),
      };
      try {
        this._internals = this.attachInternals();
      } catch {
        this._internals = null;
      }
      this._text = ''; // the text the current findings refer to
      this._findings = []; // cleaned findings, offsets into this._text
      this._result = null; // the last check result from the server
      this._checkSeq = 0;
      this._checkAbort = null;
      this._checkTimer = 0;
      this._checking = false;
      this._composing = false;
      this._suggestSeq = 0;
      this._suggestAbort = null;
      this._suggestions = [];
      this._suggestState = 'idle'; // idle | loading | ready | error
      this._answer = null; // {id, confidence, abstained} of the last suggestion answer
      this._showAnyway = false; // the agent asked for the ranking although the server abstained
      this._feedbackSent = ''; // id of the answer feedback was sent for
      this._history = [];
      this._errors = { check: '', suggest: '' };
      this._announced = '';
      this._active = -1; // finding shown in the tooltip
      this._tipFrom = ''; // 'hover' | 'caret' | 'list'
      this._context = null;
      this._connected = false;
      this._bind();
    }

    // ----- public API -----------------------------------------------------------------------

    /** The draft in the box. Setting it checks it (after the debounce). */
    get value() {
      return this._el.ta.value;
    }
    set value(v) {
      this._el.ta.value = v == null ? '' : String(v);
      this._onInput();
    }
    get customerMessage() {
      return this.getAttribute('customer-message') || '';
    }
    set customerMessage(v) {
      if (v == null || v === '') this.removeAttribute('customer-message');
      else this.setAttribute('customer-message', String(v));
    }
    /** Extra context (slot values such as {"店铺名":"小店"}) sent with every check and suggest call. */
    get context() {
      return this._context;
    }
    set context(v) {
      this._context = isObj(v) ? v : null;
      if (this._connected) {
        this._scheduleCheck(0);
        this._fetchSuggestions();
      }
    }
    /**
     * The conversation before the customer's message, oldest first: [{role: "customer"|"agent",
     * text}]. Setting it fetches suggestions again (a follow-up such as "那白色呢" is ranked by
     * what came before it).
     */
    get history() {
      return this._history.map((t) => ({ ...t }));
    }
    set history(v) {
      this._history = Array.isArray(v)
        ? v.filter((t) => isObj(t) && (t.role === 'customer' || t.role === 'agent') && typeof t.text === 'string' && t.text.trim() !== '').map((t) => ({ role: t.role, text: t.text }))
        : [];
      if (this._connected) this._fetchSuggestions();
    }
    /** How sure the server was of the current suggestions (0–1), and whether it held them back. */
    get suggestionConfidence() {
      return this._answer ? { confidence: this._answer.confidence, abstained: this._answer.abstained } : null;
    }
    /** Tells the server that none of the suggestions fitted (as the 都不合适 button does). */
    rejectSuggestions() {
      return this._sendFeedback(null);
    }
    /** The last check result ({text, findings, score, pass}) or null. */
    get result() {
      return this._result;
    }
    get suggestions() {
      return this._suggestions.slice();
    }
    /** Checks now (skipping the debounce); resolves when the result is shown. */
    check() {
      return this._checkNow();
    }
    /** Inserts the nth (0-based) suggested template at the caret. */
    insertSuggestion(n) {
      return this._insertSuggestion(n);
    }
    focus(options) {
      this._el.ta.focus(options);
    }

    // ----- lifecycle ------------------------------------------------------------------------

    connectedCallback() {
      // A page may have set properties before this script defined the element; re-apply them
      // through the setters.
      for (const p of ['value', 'customerMessage', 'context', 'history']) {
        if (Object.prototype.hasOwnProperty.call(this, p)) {
          const v = this[p];
          delete this[p];
          this[p] = v;
        }
      }
      this._connected = true;
      this._applyTextareaAttributes();
      if (!this._resizeObserver && 'ResizeObserver' in window) {
        this._resizeObserver = new ResizeObserver(() => this._syncGeometry());
        this._resizeObserver.observe(this._el.ta);
      }
      this._renderAll();
      this._fetchSuggestions();
      if (this._el.ta.value.trim() !== '') this._scheduleCheck(0);
    }

    disconnectedCallback() {
      this._connected = false;
      clearTimeout(this._checkTimer);
      if (this._checkAbort) this._checkAbort.abort();
      if (this._suggestAbort) this._suggestAbort.abort();
      if (this._resizeObserver) {
        this._resizeObserver.disconnect();
        this._resizeObserver = null;
      }
    }

    formResetCallback() {
      this.value = '';
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue || !this._connected) return;
      if (name === 'customer-message' || name === 'top') {
        this._showAnyway = false;
        this._fetchSuggestions();
      }
      else if (name === 'endpoint' || name === 'api-key' || name === 'fail-on') {
        this._scheduleCheck(0);
        this._fetchSuggestions();
      } else this._applyTextareaAttributes();
    }

    // ----- settings -------------------------------------------------------------------------

    _endpoint() {
      const e = (this.getAttribute('endpoint') || '').trim();
      return (e || DEFAULT_ENDPOINT).replace(/\/+$/, '');
    }
    _debounce() {
      const n = Number(this.getAttribute('debounce'));
      return this.hasAttribute('debounce') && Number.isFinite(n) && n >= 0 ? Math.min(n, 10000) : 300;
    }
    _top() {
      const n = Number(this.getAttribute('top'));
      return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_TOP) : 3;
    }
    _applyTextareaAttributes() {
      const ta = this._el.ta;
      ta.placeholder = this.getAttribute('placeholder') ?? '在这里输入回复，系统会实时检查禁语、承诺和隐私问题…';
      ta.setAttribute('aria-label', this.getAttribute('label') || '回复内容');
      const rows = Number(this.getAttribute('rows'));
      ta.rows = Number.isInteger(rows) && rows > 0 ? rows : 4;
      const top = this._top();
      this._el.keys.textContent = `Alt+1～${top} 插入推荐话术 · Tab 进入问题列表 · Esc 关闭提示`;
    }

    // ----- events ---------------------------------------------------------------------------

    _bind() {
      const { ta, findings, suggList } = this._el;
      ta.addEventListener('input', () => this._onInput());
      ta.addEventListener('compositionstart', () => (this._composing = true));
      ta.addEventListener('compositionend', () => {
        this._composing = false;
        this._scheduleCheck();
      });
      ta.addEventListener('scroll', () => {
        this._syncScroll();
        if (this._active >= 0) this._placeTip();
      });
      ta.addEventListener('mousemove', (e) => this._onHover(e));
      ta.addEventListener('mouseleave', () => {
        if (this._tipFrom === 'hover') this._hideTip();
      });
      for (const type of ['keyup', 'mouseup', 'focus']) ta.addEventListener(type, (e) => this._onCaret(e));
      ta.addEventListener('blur', () => {
        if (this._tipFrom === 'caret') this._hideTip();
      });

      findings.addEventListener('focusin', (e) => {
        const li = e.target.closest('li.finding');
        if (li) this._showTip(Number(li.dataset.index), 'list');
      });
      findings.addEventListener('focusout', (e) => {
        if (!findings.contains(e.relatedTarget) && this._tipFrom === 'list') this._hideTip();
      });
      findings.addEventListener('mouseover', (e) => {
        const li = e.target.closest('li.finding');
        if (li) this._showTip(Number(li.dataset.index), 'list');
      });
      findings.addEventListener('mouseleave', () => {
        if (this._tipFrom === 'list' && !findings.contains(this.shadowRoot.activeElement)) this._hideTip();
      });
      findings.addEventListener('click', (e) => this._onFindingAction(e));
      findings.addEventListener('keydown', (e) => {
        if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('li.finding')) {
          e.preventDefault();
          this._selectFinding(Number(e.target.dataset.index));
        }
      });
      suggList.addEventListener('click', (e) => {
        const b = e.target.closest('button[data-insert]');
        if (b) this._insertSuggestion(Number(b.dataset.insert));
      });
      this._el.anyway.addEventListener('click', () => {
        this._showAnyway = true;
        this._fetchSuggestions();
      });
      this._el.noneFits.addEventListener('click', () => this._sendFeedback(null));

      this.shadowRoot.addEventListener('keydown', (e) => {
        // e.code, not e.key: Alt+1 types "¡" on a Mac keyboard.
        const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
        if (m && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
          const n = Number(m[1]) - 1;
          if (n < this._suggestions.length) {
            e.preventDefault();
            this._insertSuggestion(n);
          }
        } else if (e.key === 'Escape' && !this._el.tip.hidden) {
          e.preventDefault();
          e.stopPropagation();
          const f = this._findings[this._active];
          this._dismissed = f ? `${f.ruleId}@${f.start}` : '';
          this._hideTip();
        }
      });
    }

    _onInput() {
      const text = this._el.ta.value;
      this._moveFindingsTo(text);
      this._dismissed = '';
      if (this._internals) {
        try {
          this._internals.setFormValue(text);
        } catch {
          /* not in a form */
        }
      }
      this._renderAll();
      if (!this._composing) this._scheduleCheck();
    }

    /** Keeps the underlines on the right words while the agent types, until the next result. */
    _moveFindingsTo(text) {
      if (text === this._text) return;
      const edit = editBetween(this._text, text);
      const moved = [];
      for (const f of this._findings) {
        const r = moveRange(f, edit);
        if (!r) continue;
        if (r.fix) {
          const fx = moveRange(r.fix, edit);
          r.fix = fx ? { start: fx.start, end: fx.end, replacement: fx.replacement } : null;
        }
        moved.push(r);
      }
      this._findings = moved;
      this._text = text;
    }

    // ----- talking to the server ------------------------------------------------------------

    async _post(path, body, signal) {
      const headers = { 'content-type': 'application/json', accept: 'application/json' };
      const key = this.getAttribute('api-key');
      if (key) headers['x-api-key'] = key;
      let res;
      try {
        res = await fetch(this._endpoint() + path, { method: 'POST', headers, body: JSON.stringify(body), signal });
      } catch (e) {
        if (e && e.name === 'AbortError') throw e;
        throw new ApiError('network', '无法连接质检服务', 0);
      }
      let data = null;
      try {
        data = await res.json();
      } catch (e) {
        if (e && e.name === 'AbortError') throw e;
      }
      if (!res.ok) {
        const err = isObj(data) && isObj(data.error) ? data.error : {};
        throw new ApiError(String(err.code || res.status), String(err.message || `HTTP ${res.status}`), res.status);
      }
      if (!isObj(data)) throw new ApiError('bad-response', '服务返回的不是 JSON', res.status);
      return data;
    }

    _scheduleCheck(delay = this._debounce()) {
      clearTimeout(this._checkTimer);
      if (!this._connected) return;
      this._checkTimer = setTimeout(() => this._checkNow(), delay);
    }

    async _checkNow() {
      clearTimeout(this._checkTimer);
      const text = this._el.ta.value;
      const seq = ++this._checkSeq; // a newer request makes every older answer stale
      if (this._checkAbort) this._checkAbort.abort();
      this._checkAbort = null;
      if (text.trim() === '') {
        this._checking = false;
        this._applyResult({ text, findings: [], score: null, pass: true }, text, true);
        return;
      }
      const ac = typeof AbortController === 'function' ? new AbortController() : null;
      this._checkAbort = ac;
      this._checking = true;
      this._renderStatus();
      const body = { text };
      const failOn = this.getAttribute('fail-on');
      if (failOn && FAIL_ON.has(failOn)) body.failOn = failOn;
      if (this._context) body.context = this._context;
      try {
        const data = await this._post('/v1/check', body, ac && ac.signal);
        if (seq !== this._checkSeq) return; // an older answer arriving late
        if (!Array.isArray(data.findings)) throw new ApiError('bad-response', '服务返回的结果格式不对', 200);
        this._checking = false;
        this._errors.check = '';
        this._applyResult(data, text, false);
      } catch (e) {
        if (seq !== this._checkSeq || (e && e.name === 'AbortError')) return;
        this._checking = false;
        this._errors.check = `质检暂不可用：${e.message}${e.code && e.code !== 'network' ? `（${e.code}）` : ''}`;
        this._renderStatus();
        this._renderNotice();
        this._emit('replylint:error', { kind: 'check', code: e.code, message: e.message, status: e.status });
      }
    }

    _applyResult(data, sentText, empty) {
      const findings = [];
      for (const f of data.findings) {
        const c = cleanFinding(f, sentText.length);
        if (c) findings.push(c);
      }
      this._findings = findings;
      this._text = sentText;
      this._moveFindingsTo(this._el.ta.value); // the agent may have typed on meanwhile
      const score = typeof data.score === 'number' && Number.isFinite(data.score) ? Math.round(data.score) : null;
      this._result = empty ? null : { text: typeof data.text === 'string' ? data.text : sentText, findings: data.findings, score, pass: data.pass !== false };
      this._renderAll();
      this._announce();
      if (!empty) this._emit('replylint:result', this._result);
    }

    _fetchSuggestions() {
      // Coalesce attribute changes made in one task into one request.
      if (this._suggestQueued) return;
      this._suggestQueued = true;
      queueMicrotask(() => {
        this._suggestQueued = false;
        this._fetchSuggestionsNow();
      });
    }

    async _fetchSuggestionsNow() {
      if (!this._connected) return;
      const message = this.customerMessage.trim();
      const seq = ++this._suggestSeq;
      if (this._suggestAbort) this._suggestAbort.abort();
      this._suggestAbort = null;
      if (message === '') {
        this._suggestions = [];
        this._answer = null;
        this._suggestState = 'idle';
        this._errors.suggest = '';
        this._renderSuggestions();
        this._renderNotice();
        return;
      }
      const ac = typeof AbortController === 'function' ? new AbortController() : null;
      this._suggestAbort = ac;
      this._suggestState = 'loading';
      this._renderSuggestions();
      const body = { message, top: this._top() };
      if (this._context) body.context = this._context;
      if (this._history.length) body.history = this._history.slice(-HISTORY_TURNS).map((t) => ({ role: t.role, text: t.text.slice(0, HISTORY_CHARS) }));
      if (this._showAnyway) body.abstain = false;
      try {
        const data = await this._post('/v1/suggest', body, ac && ac.signal);
        if (seq !== this._suggestSeq) return;
        const list = Array.isArray(data.suggestions) ? data.suggestions.map(cleanSuggestion).filter(Boolean) : [];
        this._suggestions = list.slice(0, this._top());
        this._answer = {
          id: typeof data.id === 'string' ? data.id : '',
          confidence: typeof data.confidence === 'number' && Number.isFinite(data.confidence) ? Math.max(0, Math.min(1, data.confidence)) : null,
          abstained: data.abstained === true,
        };
        this._feedbackSent = '';
        this._el.thanks.textContent = '';
        this._suggestState = 'ready';
        this._errors.suggest = '';
      } catch (e) {
        if (seq !== this._suggestSeq || (e && e.name === 'AbortError')) return;
        this._suggestions = [];
        this._answer = null;
        this._suggestState = 'error';
        this._errors.suggest = `推荐话术暂不可用：${e.message}${e.code && e.code !== 'network' ? `（${e.code}）` : ''}`;
        this._emit('replylint:error', { kind: 'suggest', code: e.code, message: e.message, status: e.status });
      }
      this._renderSuggestions();
      this._renderNotice();
    }

    // ----- editing --------------------------------------------------------------------------

    /**
     * Replaces [start, end) of the draft. execCommand keeps the browser's undo history (Ctrl+Z
     * undoes a fix); where it is unavailable the value is set directly.
     */
    _replaceRange(start, end, text) {
      const ta = this._el.ta;
      const before = ta.value;
      const expected = before.slice(0, start) + text + before.slice(end);
      ta.focus();
      ta.setSelectionRange(start, end);
      let done = false;
      try {
        done = document.execCommand('insertText', false, text);
      } catch {
        done = false;
      }
      if (!done || ta.value !== expected) {
        ta.value = expected;
        ta.dispatchEvent(new Event('input', { bubbles: true }));
      }
      ta.setSelectionRange(start + text.length, start + text.length);
    }

    _onFindingAction(e) {
      const li = e.target.closest('li.finding');
      if (!li) return;
      const f = this._findings[Number(li.dataset.index)];
      if (!f) return;
      const b = e.target.closest('button');
      if (!b) {
        this._selectFinding(Number(li.dataset.index));
        return;
      }
      if (b.dataset.action === 'fix' && f.fix) {
        this._replaceRange(f.fix.start, f.fix.end, f.fix.replacement);
      } else if (b.dataset.action === 'suggest' && f.suggestions[0] !== undefined) {
        this._replaceRange(f.start, f.end, f.suggestions[0]);
        this._selectFirstSlot(f.start, f.start + f.suggestions[0].length);
      } else return;
      this._hideTip();
      this._checkNow();
    }

    _selectFinding(i) {
      const f = this._findings[i];
      if (!f) return;
      const ta = this._el.ta;
      ta.focus();
      ta.setSelectionRange(f.start, f.end);
      this._showTip(i, 'caret');
    }

    _insertSuggestion(n) {
      const s = this._suggestions[n];
      if (!s) return false;
      const ta = this._el.ta;
      const start = ta.selectionStart;
      this._replaceRange(start, ta.selectionEnd, s.text);
      this._selectFirstSlot(start, start + s.text.length);
      this._emit('replylint:insert', { index: n, templateId: s.templateId, intent: s.intent, text: s.text });
      this._sendFeedback(s.templateId);
      return true;
    }

    /**
     * POST /v1/feedback for the current answer: the template the agent used, or null when none
     * fitted. Once per answer (the first choice is the one that says what fitted); never in the
     * agent's way — a failure only raises a replylint:error event.
     */
    async _sendFeedback(templateId) {
      const a = this._answer;
      if (!a || !a.id || this.hasAttribute('no-feedback') || this._feedbackSent === a.id) return false;
      this._feedbackSent = a.id;
      if (templateId === null) this._el.thanks.textContent = '已记录：这些话术都不合适，谢谢反馈';
      this._renderSuggestions();
      try {
        await this._post('/v1/feedback', { id: a.id, templateId });
        this._emit('replylint:feedback', { id: a.id, templateId });
        return true;
      } catch (e) {
        this._emit('replylint:error', { kind: 'feedback', code: e.code, message: e.message, status: e.status });
        return false;
      }
    }

    /** Selects the first {{slot}} in [from, to) so the agent can type over it. */
    _selectFirstSlot(from, to) {
      const ta = this._el.ta;
      SLOT_RE.lastIndex = 0;
      const m = SLOT_RE.exec(ta.value.slice(from, to));
      if (m) ta.setSelectionRange(from + m.index, from + m.index + m[0].length);
      this._syncScroll();
    }

    _emit(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }

    // ----- tooltip --------------------------------------------------------------------------

    _onHover(e) {
      if (this._hoverFrame) return;
      const x = e.clientX;
      const y = e.clientY;
      this._hoverFrame = requestAnimationFrame(() => {
        this._hoverFrame = 0;
        for (const mark of this._el.mirror.querySelectorAll('mark')) {
          for (const r of mark.getClientRects()) {
            if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 2) {
              this._showTip(Number(mark.dataset.findings.split(' ')[0]), 'hover');
              return;
            }
          }
        }
        if (this._tipFrom === 'hover') this._hideTip();
      });
    }

    _onCaret(e) {
      if (e && e.type === 'keyup' && (e.key === 'Escape' || e.key === 'Tab')) return;
      const ta = this._el.ta;
      if (ta.selectionStart !== ta.selectionEnd) return;
      const at = ta.selectionStart;
      const i = this._findings.findIndex((f) => f.start <= at && at <= f.end && f.start < f.end);
      const f = this._findings[i];
      if (f && this._dismissed !== `${f.ruleId}@${f.start}`) this._showTip(i, 'caret');
      else if (i < 0 && this._tipFrom === 'caret') this._hideTip();
    }

    _showTip(i, from) {
      const f = this._findings[i];
      if (!f) return;
      const tip = this._el.tip;
      // Every finding over the same words is listed, most severe first.
      const same = this._findings
        .filter((g) => g.start < f.end && f.start < g.end)
        .sort((a, b) => SEVERITY[b.severity].rank - SEVERITY[a.severity].rank);
      tip.replaceChildren(
        ...same.slice(0, 4).map((g) =>
          h('div', { class: 'item' }, h('span', { class: 'sev' }, `${SEVERITY[g.severity].label}`), g.message, g.fix
            ? h('span', { class: 'hint' }, g.fix.replacement === '' ? '修正：删除' : `修正：改为“${g.fix.replacement}”`)
            : g.suggestions[0] !== undefined
              ? h('span', { class: 'hint' }, `建议：${g.suggestions[0]}`)
              : null),
        ),
      );
      this._active = i;
      this._tipFrom = from;
      tip.hidden = false;
      if (from === 'caret') this._el.ta.setAttribute('aria-describedby', 'tip keys');
      this._highlightActive();
      this._placeTip();
    }

    _hideTip() {
      this._el.tip.hidden = true;
      this._el.ta.setAttribute('aria-describedby', 'keys');
      this._active = -1;
      this._tipFrom = '';
      this._highlightActive();
    }

    _placeTip() {
      const { tip, editor, mirror } = this._el;
      const mark = mirror.querySelector(`mark[data-findings~="${this._active}"]`);
      if (!mark) return;
      const rects = mark.getClientRects();
      const r = rects[rects.length - 1] || mark.getBoundingClientRect();
      const box = editor.getBoundingClientRect();
      const maxLeft = Math.max(0, box.width - tip.offsetWidth - 4);
      tip.style.left = `${Math.min(Math.max(0, r.left - box.left), maxLeft)}px`;
      tip.style.top = `${r.bottom - box.top + 6}px`;
    }

    _highlightActive() {
      for (const m of this._el.mirror.querySelectorAll('mark')) {
        m.classList.toggle('active', this._active >= 0 && m.dataset.findings.split(' ').includes(String(this._active)));
      }
      for (const li of this._el.findings.children) li.classList.toggle('active', Number(li.dataset.index) === this._active);
    }

    // ----- rendering ------------------------------------------------------------------------

    _renderAll() {
      // Finding indexes change with every render, so an open tooltip is closed and, when the caret
      // still sits in a finding, opened again for it (a focused list item reopens it on focus).
      const hadTip = !this._el.tip.hidden;
      this._hideTip();
      this._renderMirror();
      this._renderFindings();
      this._renderStatus();
      this._renderNotice();
      if (hadTip && this.shadowRoot.activeElement === this._el.ta) this._onCaret(null);
    }

    /** The mirror: the draft cut at every finding and slot boundary; covered pieces become <mark>s. */
    _renderMirror() {
      const text = this._el.ta.value;
      const spans = this._findings.map((f, i) => ({ start: f.start, end: f.end, i }));
      const slots = [];
      for (const m of text.matchAll(SLOT_RE)) slots.push({ start: m.index, end: m.index + m[0].length });
      const cuts = new Set([0, text.length]);
      for (const s of spans) cuts.add(s.start).add(s.end);
      for (const s of slots) cuts.add(s.start).add(s.end);
      const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
      const nodes = [];
      for (let k = 0; k + 1 < points.length; k++) {
        const a = points[k];
        const b = points[k + 1];
        if (a === b) continue;
        const piece = text.slice(a, b);
        const covering = spans.filter((s) => s.start <= a && b <= s.end);
        const inSlot = slots.some((s) => s.start <= a && b <= s.end);
        if (covering.length === 0) {
          nodes.push(inSlot ? h('span', { class: 'slot' }, piece) : document.createTextNode(piece));
          continue;
        }
        const worst = covering.reduce((w, s) => (SEVERITY[this._findings[s.i].severity].rank > SEVERITY[this._findings[w.i].severity].rank ? s : w));
        const f = this._findings[worst.i];
        nodes.push(
          h('mark', {
            class: `${f.severity}${inSlot ? ' slot' : ''}`,
            'data-findings': covering.map((s) => s.i).join(' '),
            'data-rule': f.ruleId,
            title: covering.map((s) => this._findings[s.i].message).join('\n'),
          }, piece),
        );
      }
      // A trailing line break only takes up a line in the mirror when something follows it.
      nodes.push(document.createTextNode('\u200b'));
      this._el.mirror.replaceChildren(...nodes);
      this._syncGeometry();
    }

    _renderFindings() {
      const list = this._el.findings;
      const focused = this.shadowRoot.activeElement;
      const focusKey = focused && list.contains(focused) ? (focused.closest('li.finding') || {}).dataset : null;
      const focusWhat = focused && focused.matches('button') ? focused.dataset.action : 'item';
      // In reading order; on the same start, the most severe first.
      const fs = this._findings;
      const order = fs.map((f, i) => i).sort((a, b) => fs[a].start - fs[b].start || SEVERITY[fs[b].severity].rank - SEVERITY[fs[a].severity].rank);
      const items = order.map((i) => {
        const f = this._findings[i];
        const shown = f.excerpt || this._el.ta.value.slice(f.start, f.end);
        const actions = [];
        if (f.fix) {
          const label = f.fix.replacement === '' ? '删除' : `改为“${f.fix.replacement}”`;
          const aria = `修正：把“${shown}”${label}`;
          actions.push(h('button', { type: 'button', class: 'primary', 'data-action': 'fix', title: label, 'aria-label': aria }, '修正'));
        } else if (f.suggestions[0] !== undefined) {
          // A fix is certain; a suggestion is only offered as a replacement when there is no fix
          // (with a fix, the suggestion is advice such as "用一个感叹号或句号", not reply text).
          const aria = `把“${shown}”换成建议：${f.suggestions[0]}`;
          actions.push(h('button', { type: 'button', 'data-action': 'suggest', title: f.suggestions[0], 'aria-label': aria }, '换成建议'));
        }
        const hint = f.fix
          ? f.suggestions[0] !== undefined ? `提示：${f.suggestions[0]}` : null
          : f.suggestions[0] !== undefined ? `建议：${f.suggestions[0]}` : null;
        return h('li', {
          class: `finding ${f.severity}`,
          tabindex: '0',
          'data-index': String(i),
          'data-rule': f.ruleId,
          'data-key': `${f.ruleId}@${f.start}`,
          title: f.categoryLabel ? `${f.categoryLabel} · ${f.ruleId}` : f.ruleId,
        },
        h('span', { class: 'chip' }, SEVERITY[f.severity].label),
        h('span', { class: 'what' },
          f.categoryLabel ? h('span', { class: 'cat' }, f.categoryLabel) : null,
          shown ? h('span', { class: 'excerpt' }, `“${shown}”`) : null,
          h('span', { class: 'msg' }, f.message),
          hint ? h('span', { class: 'hint' }, hint) : null),
        h('span', { class: 'actions' }, actions));
      });
      list.replaceChildren(...items);
      if (focusKey && focusKey.key) {
        const li = [...list.children].find((x) => x.dataset.key === focusKey.key);
        const target = li && (focusWhat === 'item' ? li : li.querySelector(`button[data-action="${focusWhat}"]`));
        if (target) target.focus({ preventScroll: true });
      }
    }

    _renderStatus() {
      const { score, scoreNum, verdict, counts, busy, slotsLeft } = this._el;
      const text = this._el.ta.value;
      const r = this._result;
      const empty = text.trim() === '';
      busy.hidden = !this._checking;
      score.classList.remove('good', 'fair', 'poor');
      if (empty || !r || r.score === null) {
        scoreNum.textContent = '—';
        verdict.className = 'verdict none';
        verdict.textContent = empty ? '待输入' : '等待检查';
      } else {
        scoreNum.textContent = String(r.score);
        score.classList.add(r.score >= 90 ? 'good' : r.score >= 60 ? 'fair' : 'poor');
        verdict.className = `verdict ${r.pass ? 'pass' : 'fail'}`;
        verdict.textContent = r.pass ? '✓ 可以发送' : '✗ 需要修改';
      }
      score.setAttribute('aria-label', r && r.score !== null && !empty ? `得分 ${r.score}` : '暂无得分');
      const n = { error: 0, warning: 0, info: 0 };
      for (const f of this._findings) n[f.severity]++;
      const parts = [];
      if (n.error) parts.push(`${n.error} 个错误`);
      if (n.warning) parts.push(`${n.warning} 个警告`);
      if (n.info) parts.push(`${n.info} 个提示`);
      counts.textContent = empty || !r ? '' : parts.length ? parts.join(' · ') : '没有发现问题';
      SLOT_RE.lastIndex = 0;
      const slotCount = (text.match(SLOT_RE) || []).length;
      slotsLeft.hidden = slotCount === 0;
      slotsLeft.textContent = slotCount ? `还有 ${slotCount} 处 {{…}} 待填写` : '';
    }

    _renderNotice() {
      const msg = [this._errors.check, this._errors.suggest].filter(Boolean).join('；');
      this._el.notice.hidden = msg === '';
      this._el.notice.textContent = msg;
    }

    _announce() {
      const r = this._result;
      const n = this._findings.length;
      const say = !r ? '' : n === 0 ? `没有发现问题，得分 ${r.score ?? '—'}` : `发现 ${n} 个问题，得分 ${r.score ?? '—'}`;
      if (say !== this._announced) {
        this._announced = say;
        this._el.live.textContent = say;
      }
    }

    _renderSuggestions() {
      const { sugg, suggFor, suggList, suggEmpty, suggSure, suggBar, anyway, noneFits } = this._el;
      const message = this.customerMessage.trim();
      suggFor.textContent = message ? `客户：“${message}”` : '';
      const a = this._suggestState === 'ready' ? this._answer : null;
      suggSure.textContent = a && a.confidence !== null && !a.abstained ? `· 把握 ${Math.round(a.confidence * 100)}%` : '';
      sugg.setAttribute('aria-busy', String(this._suggestState === 'loading'));
      const items = this._suggestions.map((s, i) =>
        h('li', { class: 'suggestion', 'data-template': s.templateId },
          h('kbd', { title: `Alt+${i + 1} 插入` }, `Alt+${i + 1}`),
          h('span', {},
            h('span', { class: 'stitle' }, s.title || s.intent || s.templateId, s.score !== null ? ` · 匹配 ${Math.round(Math.max(0, Math.min(1, s.score)) * 100)}%` : ''),
            h('span', { class: 'stext' }, withSlots(s.text))),
          h('button', { type: 'button', 'data-insert': String(i), 'aria-label': `插入第 ${i + 1} 条话术：${s.text}` }, '插入')),
      );
      suggList.replaceChildren(...items);
      // Held back: a quiet line, not three confident-looking templates for a message nothing fits.
      const abstained = a && a.abstained;
      const empty =
        this._suggestState === 'loading' ? '正在查找合适的话术…'
          : this._suggestState === 'error' ? '暂时无法获取推荐话术'
            : !message ? '设置客户的最新消息后，这里会推荐合适的话术'
              : abstained ? '这条消息没有把握推荐话术，请直接回复'
                : items.length === 0 ? '没有找到合适的话术' : '';
      suggEmpty.hidden = empty === '';
      suggEmpty.textContent = empty;
      anyway.hidden = !abstained;
      const canReject = a && a.id && items.length > 0 && !this.hasAttribute('no-feedback');
      noneFits.hidden = !canReject;
      noneFits.disabled = !canReject || this._feedbackSent === a.id;
      suggBar.hidden = anyway.hidden && noneFits.hidden && this._el.thanks.textContent === '';
    }

    _syncGeometry() {
      const { ta, mirror } = this._el;
      // clientWidth excludes the scrollbar, so the mirror wraps lines exactly where the textarea does.
      mirror.style.width = `${ta.clientWidth}px`;
      this._syncScroll();
    }

    _syncScroll() {
      const { ta, backdrop } = this._el;
      backdrop.scrollTop = ta.scrollTop;
      backdrop.scrollLeft = ta.scrollLeft;
    }
  }

  customElements.define('replylint-box', ReplylintBox);
})();
