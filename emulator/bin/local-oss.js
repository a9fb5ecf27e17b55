#!/usr/bin/env node
// The `local-oss` command. A file of its own rather than dist/cli.js itself: npm links a workspace's bins when it
// installs, before `prepare` has built dist/, and skips a bin whose file does not exist yet — so on a fresh clone
// `npx local-oss` went to the registry instead (issue 23 item 1).
import '../dist/cli.js';
