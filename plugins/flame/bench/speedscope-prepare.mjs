// Makes speedscope's browser bundle (npm package speedscope) loadable under node for bench.sh: exposes its text
// importer (importProfileGroupFromText) as globalThis.__ss and drops the final render into document.body.
// Usage: node speedscope-prepare.mjs DIR   (DIR holds node_modules/speedscope; writes DIR/ss-node.js)
import fs from 'node:fs'
import path from 'node:path'
const dir = process.argv[2]
const release = path.join(dir, 'node_modules/speedscope/dist/release')
const bundle = fs.readdirSync(release).find(f => /^speedscope-.*\.js$/.test(f))
let s = fs.readFileSync(path.join(release, bundle), 'utf8')
const importer = /async function (\w+)\((\w+),(\w+)\)\{return\(await (\w+)\)\.importProfileGroupFromText\(\2,\3\)\}/.exec(s)
if (!importer) throw new Error('speedscope bundle ' + bundle + ': importProfileGroupFromText not found')
s = s.replace(importer[0], importer[0] + `globalThis.__ss={Ff:${importer[1]}};`)
const render = s.lastIndexOf('document.body,document.body.lastElementChild')
if (render < 0) throw new Error('speedscope bundle ' + bundle + ': render call not found')
const start = s.lastIndexOf(';', render) + 1
const end = s.indexOf(';', render) + 1
s = s.slice(0, start) + s.slice(end)
fs.writeFileSync(path.join(dir, 'ss-node.js'), s)
console.log(`speedscope: ${bundle} prepared (${JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/speedscope/package.json'))).version})`)
