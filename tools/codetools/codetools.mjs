// Code tools of the OnlineJudge web server: one long-running process, one JSON request per stdin line, one JSON
// answer per stdout line, answered in order of arrival.
//   {"id": 1, "request": {"op": "format_python", "code": "..."}}   -> {"id": 1, "ok": true, "code": "..."} or {"id": 1, "ok": false, "error": "..."}
//   {"id": 2, "request": {"op": "syntax_tree", "language": "python" | "c", "code": "..."}}
//       -> {"id": 2, "ok": true, "types": [...], "nodes": [typeIndex, parentIndex, ...], "calls": [[nodeIndex, kind, name], ...]}
// Every node of the tree (named and anonymous) is listed in document order with its parent's index (-1 for the root).
// Python f-strings are reported with the type "format_string". Calls: kind "function" (a plain identifier callee) or
// "method" (an attribute callee, named by its attribute).
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Parser, Language } from 'web-tree-sitter';
import { Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-nodejs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

await Parser.init();
const languages = {
  python: await Language.load(here('node_modules/tree-sitter-python/tree-sitter-python.wasm')),
  c: await Language.load(here('node_modules/tree-sitter-c/tree-sitter-c.wasm')),
};
const ruff = new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf8);

function formatPython(code) {
  try {
    return { ok: true, code: ruff.format(code) };
  } catch (error) {
    return { ok: false, error: describeSyntaxError(code, String(error?.message ?? error)) };
  }
}

// "Expected an identifier at byte range 4..5" -> "error: Failed to parse code.py:1:5: Expected an identifier", as the ruff CLI says it.
function describeSyntaxError(code, message) {
  const match = /^(.*) at byte range (\d+)\.\.\d+$/s.exec(message);
  if (!match) return `error: Failed to parse code.py: ${message}`;
  const before = Buffer.from(code, 'utf8').subarray(0, Number(match[2])).toString('utf8');
  const lines = before.split('\n');
  return `error: Failed to parse code.py:${lines.length}:${lines[lines.length - 1].length + 1}: ${match[1]}`;
}

function syntaxTree(language, code) {
  const grammar = languages[language];
  if (!grammar) return { ok: false, error: `no grammar for ${language}` };
  const parser = new Parser();
  parser.setLanguage(grammar);
  const tree = parser.parse(code);
  const types = [];
  const typeIndex = new Map();
  const nodes = [];
  const calls = [];
  const indexOfType = (type) => {
    let index = typeIndex.get(type);
    if (index === undefined) {
      index = types.length;
      types.push(type);
      typeIndex.set(type, index);
    }
    return index;
  };
  const cursor = tree.walk();
  const parents = [-1];
  let visiting = true;
  while (true) {
    if (visiting) {
      const node = cursor.currentNode;
      const index = nodes.length / 2;
      let type = node.type;
      if (language === 'python' && type === 'string' && node.firstChild?.type === 'string_start' && /f/i.test(node.firstChild.text)) {
        type = 'format_string';
      }
      nodes.push(indexOfType(type), parents[parents.length - 1]);
      if (type === 'call' || type === 'call_expression') {
        const callee = node.childForFieldName('function');
        if (callee?.type === 'identifier') calls.push([index, 'function', callee.text]);
        else if (callee?.type === 'attribute') {
          const attribute = callee.childForFieldName('attribute');
          if (attribute) calls.push([index, 'method', attribute.text]);
        }
      }
      if (cursor.gotoFirstChild()) {
        parents.push(index);
        continue;
      }
      visiting = false;
    }
    if (cursor.gotoNextSibling()) {
      visiting = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    parents.pop();
  }
  tree.delete();
  parser.delete();
  return { ok: true, types, nodes, calls };
}

const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of input) {
  if (!line.trim()) continue;
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    process.stdout.write(JSON.stringify({ id: null, ok: false, error: 'invalid request' }) + '\n');
    continue;
  }
  const body = request.request ?? request;
  let answer;
  try {
    answer = body.op === 'format_python' ? formatPython(String(body.code ?? ''))
      : body.op === 'syntax_tree' ? syntaxTree(String(body.language ?? ''), String(body.code ?? ''))
      : { ok: false, error: `unknown op ${body.op}` };
  } catch (error) {
    answer = { ok: false, error: String(error?.message ?? error) };
  }
  process.stdout.write(JSON.stringify({ id: request.id, ...answer }) + '\n');
}
