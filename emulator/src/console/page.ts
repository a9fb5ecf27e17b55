// The console's page and style sheet (issue 24). Plain HTML + CSS: no framework, no font or script from elsewhere.
// Colours keep WCAG AA contrast (4.5:1 for text) on white; every control has a label and a visible focus ring.

export function consoleHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>local-oss console</title>
<link rel="stylesheet" href="/-/console/console.css">
<script type="module" src="/-/console/ui/main.js"></script>
</head>
<body>
<a class="skip" href="#view">Skip to content</a>
<header>
<h1>local-oss</h1>
<nav aria-label="Sections">
<a href="#/buckets">Buckets</a>
<a href="#/requests">Requests</a>
<a href="#/controls">Clock &amp; faults</a>
<a href="#/report">Report</a>
</nav>
</header>
<main id="view" tabindex="-1" aria-live="polite"><p>Loading…</p></main>
</body>
</html>
`;
}

export const CONSOLE_CSS = `
:root { color: #1a1a1a; background: #fff; font: 15px/1.45 system-ui, sans-serif; }
body { margin: 0; }
header { display: flex; gap: 2rem; align-items: center; padding: .5rem 1.5rem; background: #12355b; color: #fff; }
header h1 { font-size: 1.2rem; margin: 0; }
nav a { color: #fff; margin-right: 1.2rem; text-decoration: none; font-weight: 600; }
nav a[aria-current="page"] { text-decoration: underline; }
main { padding: 1rem 1.5rem; }
a { color: #0b4f9c; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 0; background: #fff; color: #000; padding: .3rem; }
:focus-visible { outline: 3px solid #d35400; outline-offset: 2px; }
table { border-collapse: collapse; margin: .6rem 0; }
th, td { border: 1px solid #b8c2cc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
td.mono, pre, code { font-family: ui-monospace, monospace; font-size: 13px; }
pre { background: #f4f6f8; padding: .6rem; overflow: auto; max-height: 24rem; border: 1px solid #d0d7de; }
form, fieldset { margin: .6rem 0; }
fieldset { border: 1px solid #b8c2cc; }
label { margin-right: .8rem; display: inline-block; margin-bottom: .3rem; }
input, select, textarea, button { font: inherit; }
button { background: #12355b; color: #fff; border: 1px solid #12355b; border-radius: 3px; padding: .2rem .7rem; cursor: pointer; }
button.secondary { background: #fff; color: #12355b; }
button.danger { background: #a61b1b; border-color: #a61b1b; }
.error { color: #8b0000; background: #fdecea; border: 1px solid #e5a39b; padding: .5rem; }
.ok { color: #0d5a1e; background: #e9f6ec; border: 1px solid #9fd3ab; padding: .5rem; }
.drop { border: 2px dashed #5b6b7b; padding: 1rem; margin: .6rem 0; }
.drop.over { background: #eef6ff; border-color: #0b4f9c; }
.pass { color: #0d5a1e; } .fail { color: #8b0000; font-weight: 600; } .skip-status { color: #555; }
img.preview { max-width: 32rem; max-height: 24rem; border: 1px solid #d0d7de; }
`;
