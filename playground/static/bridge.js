// The WebAssembly bridge: starting the Go program and calling it. Every
// call takes and returns strings; a failure comes back as {error}.

import { parseExact } from './numbers.js';

let rw = null; // window.runwhere, once loaded

// loadBridge starts the Go program (wasm_exec.js's Go) and waits for it
// to set window.runwhere. onExit runs if the program ever stops.
export async function loadBridge(onExit) {
  let resolve;
  const ready = new Promise((r) => { resolve = r; });
  ready.resolve = resolve;
  window.runwhereReady = ready;
  const go = new Go();
  const src = fetch('runwhere.wasm');
  let inst;
  if (WebAssembly.instantiateStreaming) {
    inst = (await WebAssembly.instantiateStreaming(src, go.importObject)).instance;
  } else {
    const buf = await (await src).arrayBuffer();
    inst = (await WebAssembly.instantiate(buf, go.importObject)).instance;
  }
  go.run(inst).then(onExit); // not awaited: main blocks for ever
  rw = await ready;
  return rw;
}

// call calls a bridge function and parses its JSON answer.
export function call(fn, ...args) { return invoke(JSON.parse, fn, args); }

// callExact is call for an answer whose numbers must keep their digits.
export function callExact(fn, ...args) { return invoke(parseExact, fn, args); }

function invoke(parse, fn, args) {
  try {
    return parse(rw[fn](...args));
  } catch (e) {
    return { error: `${fn}: ${e && e.message ? e.message : e}` };
  }
}

// version is the library's version, as text.
export const version = () => rw.version();
