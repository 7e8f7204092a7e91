// Runs speedscope's own importer (the npm package's browser bundle, with its render call cut) on a file under node,
// and prints whether it opened it: node ss-import.mjs FILE
import fs from 'node:fs'
globalThis.window = globalThis
globalThis.self = globalThis
globalThis.addEventListener = () => {}
globalThis.removeEventListener = () => {}
globalThis.matchMedia = () => ({matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}})
globalThis.localStorage = {getItem: () => null, setItem() {}}
globalThis.document = {addEventListener() {}, removeEventListener() {}, createElement: () => ({getContext: () => null, style: {}}), body: {}}
globalThis.location = {hash: '', search: '', href: 'file:///'}
const url = new URL('./ss-node.js', import.meta.url) // written by speedscope-prepare.mjs beside this file
await import(url.href).catch(e => { console.log('bundle load failed: ' + e); process.exit(2) })
const file = process.argv[2]
const t0 = Date.now()
try {
  const text = fs.readFileSync(file, 'utf8')
  const group = await globalThis.__ss.Ff(file, text)
  if (!group) { console.log(`speedscope: ${file}: not recognised`); process.exit(1) }
  const p = group.profiles[0]
  console.log(`speedscope: ${file}: opened, ${group.profiles.length} profile(s), total weight ${p.getTotalWeight()}, ${((Date.now() - t0) / 1000).toFixed(2)} s, heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`)
} catch (e) {
  console.log(`speedscope: ${file}: failed after ${((Date.now() - t0) / 1000).toFixed(2)} s: ${e && e.message}`)
  process.exit(1)
}
