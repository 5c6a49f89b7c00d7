#!/usr/bin/env node
// Compiles contracts/src/main/solidity with the solc pinned in package-lock.json.
//
// Usage: node scripts/compile-contracts.js <source-dir> <out-dir>
// Writes, per contract with a body: <Name>.abi and <Name>.bin (for Web3j codegen),
// and one combined.json with abi, bytecode, deployed bytecode and storage layout of every
// contract (the CLI decodes reverts from it; genesis generation uses the runtime code and layout).
'use strict';
const fs = require('fs');
const path = require('path');

let solc;
try {
  solc = require('solc');
} catch (e) {
  console.error('solc is not installed: run `npm ci` at the repository root first.');
  process.exit(2);
}

const [srcDir, outDir] = process.argv.slice(2);
if (!srcDir || !outDir) {
  console.error('usage: compile-contracts.js <source-dir> <out-dir>');
  process.exit(2);
}

function listSources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return entry.name.endsWith('.sol') ? [full] : [];
  });
}

const sources = {};
for (const file of listSources(srcDir).sort()) {
  sources[path.relative(srcDir, file).split(path.sep).join('/')] = {
    content: fs.readFileSync(file, 'utf8'),
  };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: {
      '*': {
        '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'storageLayout'],
      },
    },
  },
};

function findImports(importPath) {
  const candidate = path.join(srcDir, importPath);
  if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, 'utf8') };
  return { error: `import not found: ${importPath}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const problems = output.errors || [];
for (const problem of problems) {
  console.error(problem.formattedMessage.trim());
}
if (problems.some((p) => p.severity === 'error')) {
  process.exit(1);
}

fs.mkdirSync(outDir, { recursive: true });
const combined = { compiler: solc.version(), evmVersion: 'cancun', contracts: {} };
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    if (combined.contracts[name]) {
      console.error(`two contracts are named ${name}; wrapper names must be unique`);
      process.exit(1);
    }
    combined.contracts[name] = {
      source: file,
      abi: c.abi,
      bytecode: c.evm.bytecode.object,
      deployedBytecode: c.evm.deployedBytecode.object,
      storageLayout: c.storageLayout,
    };
    fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(c.abi));
    fs.writeFileSync(path.join(outDir, `${name}.bin`), c.evm.bytecode.object);
  }
}
fs.writeFileSync(path.join(outDir, 'combined.json'), JSON.stringify(combined));
console.log(`compiled ${Object.keys(combined.contracts).length} contracts with solc ${solc.version()}`);
