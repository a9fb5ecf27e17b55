#!/usr/bin/env node
// The `oss-conformance` command; a file of its own so that npm can link it before `prepare` builds dist/ (see
// emulator/bin/local-oss.js).
import '../dist/cli.js';
