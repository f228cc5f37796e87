/**
 * The widget's stylesheet, scoped by its shadow root. `:host { all: initial }`
 * stops the host page's inherited styles (fonts, colours, line heights) from
 * leaking in. Colours are the French state's blue and greys; every text pair
 * is above 4.5:1, focus rings are 3 px and visible on blue and on white.
 * Lengths are in em, never rem: the host page may shrink its root font size.
 */
export const CSS = `
:host{all:initial;color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
.root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Marianne,Arial,sans-serif;font-size:max(16px,1em);line-height:1.5;color:#161616}
[hidden]{display:none!important}
.sr-only{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button,input{font:inherit;color:inherit}
:focus{outline:none}
:focus-visible{outline:3px solid #000091;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.launcher{position:fixed;right:1em;bottom:1em;z-index:2147483000;display:inline-flex;align-items:center;gap:.5em;max-width:calc(100% - 2em);padding:.75em 1.1em;border:2px solid #fff;border-radius:2em;background:#000091;color:#fff;font-weight:600;cursor:pointer;box-shadow:0 4px 12px rgba(0,0,18,.35)}
.launcher:hover{background:#1212ff}
.launcher svg{flex:none;width:1.25em;height:1.25em;fill:currentColor}
.panel{position:fixed;right:1em;bottom:5em;z-index:2147483000;display:flex;flex-direction:column;width:24em;max-width:calc(100% - 2em);height:36em;max-height:calc(100% - 6.5em);background:#fff;border:1px solid #6a6a6a;border-radius:.75em;box-shadow:0 8px 28px rgba(0,0,18,.3);overflow:hidden;animation:rw-in .15s ease-out}
@keyframes rw-in{from{opacity:0;transform:translateY(.5em)}to{opacity:1;transform:none}}
.header{display:flex;align-items:center;gap:.5em;padding:.5em .5em .5em 1em;background:#000091;color:#fff}
.header h2{flex:1;margin:0;font-size:1.05em;line-height:1.3}
.header :focus-visible{outline-color:#fff;box-shadow:0 0 0 2px #000091}
.close{flex:none;display:inline-flex;align-items:center;justify-content:center;min-width:1.85em;min-height:1.85em;border:0;border-radius:.3em;background:transparent;color:#fff;font-size:1.5em;line-height:1;cursor:pointer}
.close:hover{background:#1212ff}
.status{margin:0;padding:.25em 1em;font-size:.85em;color:#3a3a3a;background:#f6f6f6;border-bottom:1px solid #dddddd}
.status.is-offline{color:#6e1a00;background:#ffe9e6;font-weight:600}
.log{flex:1;min-height:0;overflow-y:auto;overflow-x:hidden;padding:.75em;display:flex;flex-direction:column;gap:.75em;overscroll-behavior:contain}
.log:focus-visible{outline-offset:-3px}
.msg{display:flex;flex-direction:column;max-width:100%}
.bubble{max-width:92%;padding:.6em .8em;border-radius:.75em;overflow-wrap:anywhere;word-break:break-word}
.bot .bubble{align-self:flex-start;background:#f0f0f6;color:#161616;border-bottom-left-radius:.2em}
.user .bubble{align-self:flex-end;background:#000091;color:#fff;border-bottom-right-radius:.2em;white-space:pre-wrap}
.user.is-pending .bubble{background:#fff;color:#000091;border:2px dashed #000091}
.pending{display:block;font-size:.85em;font-style:italic}
.error .bubble{background:#ffe9e6;color:#161616;border-left:4px solid #ce0500}
.bubble p{margin:0 0 .5em}
.bubble p:last-child,.bubble ul:last-child,.bubble ol:last-child{margin-bottom:0}
.bubble ul,.bubble ol{margin:0 0 .5em;padding-left:1.25em}
.bubble li+li{margin-top:.2em}
.md-heading{font-weight:700}
.sources{margin-top:.6em;padding-top:.5em;border-top:1px solid #c9c9d9;font-size:.9em}
.sources-title{margin:0 0 .25em!important;font-weight:700}
.sources-list{margin:0!important;padding-left:1.25em}
.sources a{color:#000091;text-decoration:underline;text-underline-offset:2px}
.sources a:hover{text-decoration-thickness:2px}
.source-page{color:#3a3a3a}
.sources blockquote{margin:.25em 0 0;padding-left:.6em;border-left:3px solid #8585f6;color:#3a3a3a;font-style:italic}
.typing{display:flex;align-items:center;gap:.5em;margin:0 .75em .5em;font-size:.9em;color:#3a3a3a}
.dots{display:inline-flex;gap:3px}
.dots i{width:6px;height:6px;border-radius:50%;background:#3a3a3a;animation:rw-dot 1s infinite ease-in-out}
.dots i:nth-child(2){animation-delay:.15s}.dots i:nth-child(3){animation-delay:.3s}
@keyframes rw-dot{0%,80%,100%{opacity:.3}40%{opacity:1}}
.quick{flex:none;display:flex;flex-wrap:wrap;gap:.4em;max-height:35%;overflow-y:auto;padding:.5em .75em;border-top:1px solid #dddddd}
.quick button{max-width:100%;padding:.35em .8em;border:1px solid #000091;border-radius:1em;background:#fff;color:#000091;font-size:.9em;text-align:left;overflow-wrap:anywhere;cursor:pointer}
.quick button:hover{background:#e3e3fd}
.composer{padding:.5em .75em .75em;border-top:1px solid #dddddd}
.composer label{display:block;margin-bottom:.25em;font-size:.9em;font-weight:600}
.row{display:flex;gap:.5em}
.row input{flex:1;min-width:0;padding:.5em .6em;border:1px solid #6a6a6a;border-radius:.4em;background:#fff}
.send{flex:none;padding:.5em .9em;border:0;border-radius:.4em;background:#000091;color:#fff;font-weight:600;cursor:pointer}
.send:hover{background:#1212ff}
@media (max-width:30em){.panel{right:.5em;left:.5em;width:auto;max-width:none;bottom:4.5em;max-height:calc(100% - 5.5em)}.launcher{right:.5em;bottom:.5em}.quick{max-height:25%}}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important}.dots i{opacity:.7}}
@media (forced-colors:active){.launcher,.panel,.bubble,.quick button,.send{border:1px solid CanvasText}}
`;
