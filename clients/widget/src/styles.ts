/** The panel's CSS, inside the shadow root: the dealer's CSS cannot reach it, and it cannot reach the page. */
export const styles = `
[hidden] { display: none !important; }
.panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483001; width: 370px; max-width: calc(100vw - 40px);
  height: min(600px, calc(100vh - 108px)); display: flex; flex-direction: column; background: #fff; color: #1b1f24;
  border-radius: 12px; box-shadow: 0 12px 32px rgba(0,0,0,.25); overflow: hidden; text-align: left;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
.panel * { box-sizing: border-box; font: inherit; color: inherit; margin: 0; }
.left .panel { right: auto; left: 20px; }
@media (max-width: 480px) {
  .panel, .left .panel { inset: 0; width: 100%; max-width: none; height: 100%; border-radius: 0; }
}
.head { display: flex; align-items: center; gap: 8px; background: var(--accent, #0b5cad); color: var(--on-accent, #fff); padding: 10px 8px 10px 16px; }
.head h2 { flex: 1; font-size: 16px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.head button { background: transparent; color: inherit; border: 1px solid transparent; border-radius: 6px; cursor: pointer; padding: 4px 8px; }
.head .end { border-color: currentColor; font-size: 13px; }
.head .x { font-size: 22px; line-height: 1; padding: 2px 8px; }
.head button:focus-visible { outline: 2px solid currentColor; outline-offset: 1px; }
.banner { background: #fff4ce; color: #5c4400; padding: 6px 16px; font-size: 13px; }
.agentbar { display: flex; align-items: center; gap: 10px; padding: 8px 16px; border-bottom: 1px solid #d0d7de; background: #f6f8fa; font-weight: 600; }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; object-fit: cover; background: #d0d7de; }
.initial { display: grid; place-items: center; background: var(--accent, #0b5cad); color: var(--on-accent, #fff); font-size: 18px; }
.body { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 12px; }
.note { color: #57606a; font-size: 14px; }
.error { color: #b3261e; font-size: 14px; }
form.start { display: flex; flex-direction: column; gap: 10px; }
.notice { font-weight: 600; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field textarea { resize: vertical; min-height: 88px; }
.hint { color: #57606a; font-size: 13px; margin: 4px 0 -4px; }
.field-error { color: #b3261e; font-size: 13px; }
.field-error:empty, .error:empty { display: none; }
input[aria-invalid="true"], textarea[aria-invalid="true"] { border-color: #b3261e; box-shadow: inset 0 0 0 1px #b3261e; }
input[aria-invalid="true"]:focus, textarea[aria-invalid="true"]:focus { outline-color: #b3261e; border-color: #b3261e; }
.greeting { white-space: pre-line; overflow-wrap: anywhere; }
.offline { white-space: pre-line; overflow-wrap: anywhere; padding: 10px 12px; border-radius: 8px; background: #f6f8fa; border-left: 4px solid var(--accent, #0b5cad); }
.thanks { font-size: 16px; font-weight: 600; padding: 24px 0; text-align: center; outline: none; }
label { display: flex; flex-direction: column; gap: 4px; font-size: 13px; font-weight: 600; color: #3d444d; }
input, select, textarea { font-weight: 400; font-size: 15px; color: #1b1f24; background: #fff; border: 1px solid #8c959f; border-radius: 8px; padding: 8px 10px; width: 100%; }
input:focus, select:focus, textarea:focus { outline: 2px solid var(--accent-ink, #0b5cad); outline-offset: 0; border-color: var(--accent-ink, #0b5cad); }
.primary { background: var(--accent, #0b5cad); color: var(--on-accent, #fff); border: 0; border-radius: 8px; padding: 10px 16px; font-weight: 600; cursor: pointer; }
.primary:disabled { opacity: .6; cursor: default; }
.secondary { background: #fff; color: var(--accent-ink, #0b5cad); border: 1px solid var(--accent-ink, #0b5cad); border-radius: 8px; padding: 8px 14px; cursor: pointer; }
.primary:focus-visible, .secondary:focus-visible { outline: 2px solid #1b1f24; outline-offset: 2px; }
.log { flex: 1; }
.log ol { list-style: none; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.log li { max-width: 85%; display: flex; flex-direction: column; }
.log .shopper { align-self: flex-end; align-items: flex-end; }
.log .agent { align-self: flex-start; }
.log .system { align-self: center; max-width: 100%; color: #57606a; font-size: 13px; font-style: italic; text-align: center; }
.bubble { padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
.shopper .bubble { background: var(--accent, #0b5cad); color: var(--on-accent, #fff); border-bottom-right-radius: 4px; }
.shopper .bubble a { color: inherit; }
.agent .bubble { background: #eef1f4; border-bottom-left-radius: 4px; }
.who { font-size: 12px; color: #57606a; margin-bottom: 2px; }
.mark { font-size: 12px; color: #57606a; margin-top: 2px; }
.mark:empty { display: none; }
.typing { font-size: 13px; color: #57606a; font-style: italic; padding: 0 16px; }
.typing:not(:empty) { padding-top: 6px; }
.pending .bubble { opacity: .7; }
.failed .mark { color: #b3261e; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.confirm { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 16px; border-top: 1px solid #d0d7de; background: #f6f8fa; }
.confirm p:has(+ .check:not([hidden])) { flex-basis: 100%; }
label.check { flex-basis: 100%; flex-direction: row; align-items: center; gap: 8px; font-weight: 400; font-size: 14px; color: #1b1f24; }
.check input { width: 18px; height: 18px; margin: 0; accent-color: var(--accent, #0b5cad); }
.confirm p { flex: 1 1 auto; font-weight: 600; }
.composer { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid #d0d7de; align-items: flex-end; }
.composer textarea { resize: none; height: 44px; max-height: 120px; }
.foot { padding: 10px 16px; border-top: 1px solid #d0d7de; display: flex; flex-direction: column; align-items: flex-start; }
.foot > * + * { margin-top: 8px; }
.foot > :empty { margin-top: 0; }
`;
