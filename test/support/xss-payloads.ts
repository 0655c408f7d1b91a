// A corpus of cross-site scripting payloads for the tests that put hostile text into every slot of a
// journey map and open the drawing in a real browser (test/preview/xss.browser.test.ts).
//
// Every payload, were it ever markup, would call a probe with its own number: `__xss(N)` (a binding the
// test exposes in every frame, reached as `__xss`, `top.__xss`, `window.__xss`, …) or `alert(N)` /
// `confirm(N)` / `prompt(N)` (a dialog the test listens for). The number names the (slot, payload) pair, so
// a payload that runs says which one it was, and each pair's text is distinct, so the test can find every
// one of them drawn as text.

/** The ways a payload calls the probe with `n`: no spaces and no quotes, so that they fit unquoted attributes too. */
const PROBES: Array<(n: number) => string> = [
    n => `__xss(${n})`,
    n => `top.__xss(${n})`,
    n => `alert(${n})`,
    n => `window.__xss(${n})`,
    n => `parent.__xss(${n})`,
    n => `self[\`__xss\`](${n})`,
    n => `confirm(${n})`,
    n => `[${n}].map(__xss)`,
    n => `globalThis.__xss(${n})`,
    n => `prompt(${n})`,
    n => `setTimeout(__xss,0,${n})`,
    n => `(0,top.__xss)(${n})`,
];

/** `&#xHH;` for every character: JavaScript an HTML attribute would decode and run. */
const entities = (js: string) => [...js].map(c => `&#x${c.codePointAt(0)!.toString(16)};`).join('');

/** The attack vectors, each around the probe's JavaScript `j`. */
const VECTORS: Array<(j: string) => string> = [
    // script elements
    j => `<script>${j}</script>`,
    j => `<ScRiPt>${j}</sCrIpT>`,
    j => `<script src="data:text/javascript,${j}"></script>`,
    j => `<script>/*</script><script>*/${j}</script>`,
    j => `<<script>${j}//<</script>`,
    j => `<scr<script>ipt>${j}</scr</script>ipt>`,
    j => `<script\n>${j}</script\n>`,
    j => `<script type="module">${j}</script>`,
    // event handlers, in many tags
    j => `<img src=x onerror=${j}>`,
    j => `<img src="x" onerror="${j}">`,
    j => `<IMG SRC=x OnErRoR=${j}>`,
    j => `<img src=x onerror=${j}//`,
    j => `<img srcset=x onerror=${j}>`,
    j => `<img src=x onerror="${entities(j)}">`,
    j => `<img """><script>${j}</script>">`,
    j => `<img/src=x/onerror=${j}>`,
    j => `<svg onload=${j}>`,
    j => `<svg/onload=${j}>`,
    j => `<svg onload=${j}`,
    j => `<body onload=${j}>`,
    j => `<body onpageshow=${j}>`,
    j => `<details open ontoggle=${j}>`,
    j => `<input autofocus onfocus=${j}>`,
    j => `<select autofocus onfocus=${j}></select>`,
    j => `<textarea autofocus onfocus=${j}></textarea>`,
    j => `<video><source onerror=${j}></video>`,
    j => `<audio src=x onerror=${j}>`,
    j => `<marquee onstart=${j}>X</marquee>`,
    j => `<x onclick=${j} onmouseover=${j}>X</x>`,
    j => `<div onpointerenter=${j} tabindex=1 autofocus onfocusin=${j}>X</div>`,
    j => `<link rel=stylesheet href="data:text/css,*{}" onload=${j}>`,
    j => `<frameset onload=${j}>`,
    j => `<style onload=${j}></style>`,
    j => `<object data=x onerror=${j}></object>`,
    j => `<picture><source srcset=x><img src=x onerror=${j}></picture>`,
    // frames and URLs
    j => `<iframe srcdoc="<script>${j}</script>"></iframe>`,
    j => `<iframe srcdoc="&lt;img src=x onerror=${j}&gt;"></iframe>`,
    j => `<iframe src="javascript:${j}"></iframe>`,
    j => `<iframe src="data:text/html,<script>${j}</script>"></iframe>`,
    j => `<a href="javascript:${j}">X</a>`,
    j => `<a href="jav&#x09;ascript:${j}">X</a>`,
    j => `<a href="java\tscript:${j}">X</a>`,
    j => `<a href="java\nscript:${j}">X</a>`,
    j => `<a href=" &#14; javascript:${j}">X</a>`,
    j => `<a href="&#106;avascript:${j}">X</a>`,
    j => `<a href="JaVaScRiPt:${j}">X</a>`,
    j => `<object data="javascript:${j}"></object>`,
    j => `<embed src="javascript:${j}">`,
    j => `<meta http-equiv="refresh" content="0;url=javascript:${j}">`,
    j => `<base href="javascript:${j}//">`,
    j => `<form><button formaction=javascript:${j}>X</button></form>`,
    j => `<form action="javascript:${j}"><input type=submit></form>`,
    j => `<table background="javascript:${j}"></table>`,
    j => `<isindex action=javascript:${j} type=image>`,
    j => `javascript:${j}`,
    j => `data:text/html,<script>${j}</script>`,
    // SVG
    j => `<svg><script>${j}</script></svg>`,
    j => `<svg><script href="data:,${j}"/></svg>`,
    j => `<svg><script xlink:href="data:,${j}"></script></svg>`,
    j => `<svg><animate onbegin=${j} attributeName=x dur=1s>`,
    j => `<svg><set onbegin=${j} attributeName=x to=1>`,
    j => `<svg><a><animate attributeName=href values=javascript:${j} /><text x=20 y=20>X</text></a></svg>`,
    j => `<svg><a><set attributeName=href to=javascript:${j} /><text>X</text></a></svg>`,
    j => `<svg><set attributeName=onload to=${j} /></svg>`,
    j => `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${j}'/></svg>#x"/></svg>`,
    j => `<svg><image xlink:href="x" onerror="${j}"/></svg>`,
    j => `<svg><a xlink:href="javascript:${j}"><text>X</text></a></svg>`,
    j => `<svg><discard onbegin=${j} /></svg>`,
    j => `<svg><foreignObject><img src=x onerror=${j}></foreignObject></svg>`,
    j => `<svg><desc><![CDATA[</desc><script>${j}</script>]]></svg>`,
    j => `<svg><style>@import url("javascript:${j}")</style></svg>`,
    j => `<svg><title><img src=x onerror=${j}></title></svg>`,
    // MathML and mutation XSS
    j => `<math><mtext><table><mglyph><style><img src=x onerror=${j}>`,
    j => `<math href="javascript:${j}">X</math>`,
    j => `<math><mi xlink:href="javascript:${j}">X</mi></math>`,
    j => `<noscript><p title="</noscript><img src=x onerror=${j}>">`,
    j => `<xmp><img src=x onerror=${j}></xmp>`,
    j => `<template><img src=x onerror=${j}></template>`,
    j => `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=${j}>`,
    // CSS
    j => `<style>@import 'data:text/css,*{x:expression(${j})}';</style>`,
    j => `<style>*{background:url("javascript:${j}")}</style>`,
    j => `<div style="background:url(javascript:${j})">X</div>`,
    j => `<div style="width:expression(${j})">X</div>`,
    j => `<p style="x:\\65xpression(${j})">X</p>`,
    // breaking out of the surrounding markup
    j => `</title><script>${j}</script>`,
    j => `</text><script>${j}</script>`,
    j => `</style><script>${j}</script>`,
    j => `</svg><script>${j}</script>`,
    j => `</textarea><script>${j}</script>`,
    j => `</main></body><script>${j}</script>`,
    j => `]]><script>${j}</script>`,
    j => `<![CDATA[<script>${j}</script>]]>`,
    j => `<!--<script>${j}</script>-->`,
    j => `--><script>${j}</script><!--`,
    j => `<?xml-stylesheet href="javascript:${j}"?>`,
    j => `<!DOCTYPE x [<!ENTITY e "<script>${j}</script>">]>&e;`,
    // attribute breakouts
    j => `" onmouseover="${j}`,
    j => `" onload="${j}" x="`,
    j => `' autofocus onfocus='${j}`,
    j => `" autofocus onfocus="${j}" tabindex="0`,
    j => `\` onload=${j} \``,
    j => `"><script>${j}</script>`,
    j => `'><img src=x onerror=${j}>`,
    j => `"/><svg onload=${j}>`,
    j => `" style="x:expression(${j})`,
    // entity-encoded and escaped forms (text that must stay text, not be decoded once more)
    j => `&lt;script&gt;${j}&lt;/script&gt;`,
    j => `&#60;img src=x onerror=${j}&#62;`,
    j => `&#x3C;svg onload=${j}&#x3E;`,
    j => `&amp;lt;script&amp;gt;${j}&amp;lt;/script&amp;gt;`,
    j => `%3Cscript%3E${j}%3C/script%3E`,
    j => `\\u003cscript\\u003e${j}\\u003c/script\\u003e`,
    j => `\\x3cscript\\x3e${j}\\x3c/script\\x3e`,
    j => `＜script＞${j}＜/script＞`,
    j => `\u00BCscript\u00BE${j}\u00BC/script\u00BE`,
    // null bytes and other control characters
    j => `<scr\0ipt>${j}</scr\0ipt>`,
    j => `<img src=x onerror\0=${j}>`,
    j => `\0<script>${j}</script>`,
    j => `<svg\fonload=${j}>`,
    j => `<img\vsrc=x\vonerror=${j}>`,
    // template languages
    j => `\${${j}}`,
    j => `{{constructor.constructor('${j}')()}}`,
    j => `#{${j}}`,
    j => `<%= ${j} %>`,
    j => `{{${j}}}<div v-html="'<img src=x onerror=${j}>'"></div>`,
];

/** Put before a vector: ways out of a text node, an attribute value, a comment or a CDATA section. */
const PREFIXES = ['"', "'", '">', "'>", '</title>', '</text></g>', ']]>', '-->', '</style>', '</svg>', '`', '\\"', '\n', '\t"'];

export interface XssPayload {
    /** A short, stable name: `v12` (vector 12 alone) or `v12+p3` (after prefix 3). */
    name: string;
    /** The text, with the probe's number in it. */
    text(n: number): string;
}

/**
 * `count` distinct payloads (200 unless told): every vector alone, then vectors after one of the
 * breakout prefixes (each vector after a prefix of its own, in turn; then after another, if more are asked for).
 */
export function xssPayloads(count = 200): XssPayload[] {
    const payloads: XssPayload[] = VECTORS.map((vector, v) => ({ name: `v${v}`, text: n => vector(PROBES[v % PROBES.length](n)) }));
    for (let round = 0; payloads.length < count; round++) {
        for (let v = 0; v < VECTORS.length && payloads.length < count; v++) {
            const p = (v + round * 5) % PREFIXES.length;
            const probe = PROBES[(v + round + 1) % PROBES.length];
            payloads.push({ name: `v${v}+p${p}`, text: n => PREFIXES[p] + VECTORS[v](probe(n)) });
        }
    }
    return payloads.slice(0, count);
}

/** Characters XML 1.0 does not allow, which the renderer draws as U+FFFD (see escapeXml). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The text a browser shows for `text` drawn by the preview: the same, but for characters XML does not allow. */
export function shownText(text: string): string {
    return text.replace(NOT_XML, '\uFFFD');
}

/** `text` as a `.journey` string literal. */
export function journeyString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
