// Parses persona match's BigQuery and Snowflake queries, which cannot run
// here, with two real parsers of those dialects: node-sql-parser's PEG
// grammars and Polyglot (a port of sqlglot). Usage:
//   node .ci/sql-parse.mjs DIALECT=FILE...
// Each query must parse; a copy cut short must not, so that a parser that
// accepts anything cannot pass the check.
import fs from 'node:fs';
import { parse } from '@polyglot-sql/sdk';
import sqlParser from 'node-sql-parser';

const { Parser } = sqlParser;
let failed = false;
function check(dialect, sql, label) {
  const problems = [];
  const poly = parse(sql, dialect);
  if (!poly.success) problems.push(`polyglot: ${poly.error}`);
  try {
    new Parser().astify(sql, { database: dialect });
  } catch (e) {
    problems.push(`node-sql-parser: ${String(e.message).slice(0, 300)}`);
  }
  return problems;
}
for (const arg of process.argv.slice(2)) {
  const [dialect, file] = arg.split('=');
  const sql = fs.readFileSync(file, 'utf8');
  const problems = check(dialect, sql);
  if (problems.length) {
    failed = true;
    console.error(`${file} (${dialect}):\n  ${problems.join('\n  ')}`);
  }
  const cut = sql.slice(0, Math.floor(sql.length * 0.6));
  const cutProblems = check(dialect, cut);
  if (cutProblems.length < 2) {
    failed = true;
    console.error(`${file} (${dialect}): a query cut short was accepted; the check proves nothing`);
  }
  if (!problems.length) console.log(`${file}: parses as ${dialect} (${sql.length} bytes)`);
}
process.exit(failed ? 1 : 0);
