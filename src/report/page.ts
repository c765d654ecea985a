// The page shell: one self-contained HTML document with its style sheet inline. No scripts, no
// fonts, no images and no links outside the page (the icon is an empty data: URL, so that a
// browser does not ask a server for /favicon.ico). Screen and print styles; colours are never
// the only carrier of a fact (every state and verdict is also written out).

import { Html, html, type Fragment } from './escape.ts';

export const CSS = `
:root {
  --ink: #1b1f24; --muted: #5b6470; --line: #c9d0d8; --faint: #eef1f4; --paper: #ffffff;
  --ok: #1f7a3a; --ok-bg: #dff3e4; --bad: #b3261e; --bad-bg: #fbe3e1; --warn: #8a5a00; --warn-bg: #fff1cc;
  --idle: #6b7280; --idle-bg: #eceef1; --info: #1d4ed8; --info-bg: #e3ebff; --mail-bg: #eaf4ff;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; padding: 24px 28px 48px; background: var(--paper); color: var(--ink);
  font: 14px/1.45 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 22px 0 6px; }
p { margin: 6px 0; }
a { color: var(--info); }
code, .mono, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { margin: 0; white-space: pre-wrap; word-break: break-word; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.pre { white-space: pre-wrap; word-break: break-word; }
nav.toc { margin: 10px 0 0; }
nav.toc a { margin-right: 14px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left; vertical-align: top; }
thead th { background: var(--faint); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.group th { background: var(--ink); color: #fff; text-align: left; }
.badge { display: inline-block; padding: 0 7px; border-radius: 3px; font-weight: 700; white-space: nowrap; border: 1px solid currentColor; }
.v-holds { color: var(--ok); background: var(--ok-bg); }
.v-violated { color: var(--bad); background: var(--bad-bg); }
.v-not-reached { color: var(--warn); background: var(--warn-bg); }
.v-not-run { color: var(--idle); background: var(--idle-bg); }
.v-error { color: #fff; background: var(--bad); }
.claim-text { display: block; color: var(--muted); font-size: 12px; max-width: 34em; }
.cov { white-space: nowrap; }
.cov svg { vertical-align: middle; margin-right: 6px; }
.findings { margin: 4px 0 0; padding-left: 18px; font-size: 12.5px; }
.matrix th.claim { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-size: 12px; padding: 6px 2px; }
.matrix td.cell { text-align: center; font-weight: 700; min-width: 26px; padding: 3px; }
.matrix td.m-breaks { color: var(--bad); background: var(--bad-bg); }
.matrix td.m-holds { color: var(--ok); background: var(--ok-bg); }
.matrix td.m-unreached { color: var(--warn); background: var(--warn-bg); }
.matrix td.m-notrun { color: var(--idle); background: var(--idle-bg); }
.matrix td.m-none { color: var(--line); }
.matrix td.cell a { color: inherit; text-decoration: none; }
.matrix .rel { display: block; white-space: nowrap; }
.matrix td.outcome { min-width: 300px; }
.matrix td.alternative { min-width: 170px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 6px 0 10px; font-size: 12.5px; }
.legend span.key { display: inline-block; min-width: 24px; padding: 0 5px; margin-right: 4px; text-align: center; border: 1px solid var(--line); font-weight: 700; }
.scroll { overflow-x: auto; }
.counterexample { margin-top: 28px; }
.box { border: 1px solid var(--line); background: var(--faint); padding: 8px 12px; margin: 8px 0; }
.box.bad { border-color: var(--bad); background: var(--bad-bg); }
.box.good { border-color: var(--ok); background: var(--ok-bg); }
ul.plain { list-style: none; padding-left: 0; margin: 4px 0; }
.mark-ok { color: var(--ok); font-weight: 700; }
.mark-bad { color: var(--bad); font-weight: 700; }
.mark-info { color: var(--idle); font-weight: 700; }

/* The timeline picture: a time axis, the step, then one lane per place on the server. */
table.timeline { font-size: 12px; line-height: 1.35; }
table.timeline th, table.timeline td { padding: 3px 5px; }
table.timeline thead th { position: sticky; top: 0; z-index: 2; }
table.timeline thead tr.groups th { text-align: center; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
table.timeline thead th.lane { min-width: 80px; max-width: 220px; }
table.timeline thead th.g-remote { min-width: 190px; }
table.timeline thead th.g-eventlog { min-width: 300px; }
table.timeline thead th.g-directory, table.timeline thead th.g-spool { min-width: 120px; }
table.timeline thead th.g-services { min-width: 70px; font-size: 11px; }
table.timeline thead th.lane .sub { display: block; font-weight: 400; color: var(--muted); font-size: 11px; }
table.timeline td.time { white-space: nowrap; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 11.5px; background: var(--faint); }
table.timeline td.time .gap { display: block; color: var(--muted); }
table.timeline td.step { min-width: 240px; max-width: 340px; background: #fbfcfd; }
table.timeline td.step .call { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-weight: 700; word-break: break-word; }
table.timeline td.step .index { display: inline-block; min-width: 2.2em; font-weight: 700; }
table.timeline td.step .actor { color: var(--muted); }
table.timeline td.step .outcome { margin-top: 3px; font-weight: 600; }
table.timeline td.step .outcome.failed { color: var(--bad); }
table.timeline td.step .note { margin-top: 3px; font-style: italic; color: #374151; white-space: pre-wrap; }
table.timeline td.cell { max-width: 260px; word-break: break-word; }
table.timeline tbody { border-top: 2px solid #8a94a3; }
table.timeline tbody.setup td.step { background: var(--faint); }
.ob { display: block; white-space: pre-wrap; }
.ob + .ob { margin-top: 1px; }
.ob .seq { display: inline-block; min-width: 1.8em; color: var(--muted); font-size: 10px; font-family: "DejaVu Sans Mono", monospace; }
.ob .quoted { display: block; margin: 1px 0 2px 1.8em; padding-left: 5px; border-left: 2px solid #9aa4b1; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 11px; }
.ob.smtp-c { color: #1e3a8a; }
.ob.smtp-s { color: #064e3b; }
.ob.bad { color: var(--bad); font-weight: 600; }
td.st-running { background: #e9f7ed; }
td.st-startpending, td.st-stoppending { background: var(--warn-bg); }
td.st-stopped { background: #e5e7eb; }
td.st-missing { background: repeating-linear-gradient(135deg, #fbe3e1 0 6px, #ffffff 6px 12px); }
td.st-low { background: var(--bad-bg); }
td.st-waiting { background: var(--mail-bg); }
td.st-rewinding { background: var(--warn-bg); }
td.st-terminated { background: #e5e7eb; }
tbody.witness td { border-top: 3px solid var(--bad); border-bottom: 3px solid var(--bad); }
tbody.witness td.step { background: var(--bad-bg); box-shadow: inset 6px 0 0 var(--bad); }
tbody.witness td.time { background: var(--bad-bg); }
.witness-flag { display: block; margin: 0 0 4px; padding: 2px 6px; background: var(--bad); color: #fff; font-weight: 700; letter-spacing: .03em; }
.witness-why { display: block; margin-bottom: 4px; color: var(--bad); font-weight: 600; white-space: pre-wrap; }
.checks { margin: 3px 0 0; padding: 0; list-style: none; }

@media print {
  @page { size: A3 landscape; margin: 10mm; }
  body { padding: 0; font-size: 11px; }
  h2 { break-after: avoid; }
  nav.toc { display: none; }
  .scroll { overflow: visible; }
  /* The picture fits the page's width: lanes give up their screen widths and wrap anywhere. */
  table.timeline { width: 100%; font-size: 8px; }
  table.timeline th, table.timeline td, table.timeline thead th.lane { min-width: 0; max-width: none; padding: 1px 2px; overflow-wrap: anywhere; }
  table.timeline td.step { width: 13%; }
  table.timeline thead th.g-eventlog { width: 16%; }
  table.timeline thead th.g-remote { width: 7%; }
  table.timeline thead th.g-services { width: 3%; font-size: 7px; }
  table.timeline thead tr.groups th, table.timeline thead th.lane .sub { font-size: 7px; }
  table.timeline td.time { width: 5%; white-space: normal; overflow-wrap: normal; }
  table.timeline .ob .quoted { margin-left: 0; font-size: 7.5px; }
  table.timeline thead th { position: static; }
  table.timeline tbody { break-inside: avoid; }
  tr { break-inside: avoid; }
  .counterexample { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
`;

export interface PageOptions {
  readonly title: string;
  readonly body: Fragment;
}

/** The whole document. The same input gives the same bytes: nothing here reads the clock or makes ids at random. */
export function page(o: PageOptions): string {
  const doc: Html = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ims-harness">
<title>${o.title}</title>
<link rel="icon" href="data:,">
<style>${Html.trusted(CSS)}</style>
</head>
<body>
${o.body}
</body>
</html>
`;
  return doc.markup;
}
