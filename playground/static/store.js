// The page's one state and its render loop: every change goes through
// set, which makes a new frozen state and renders it against the last.
// No DOM: the Node tests in ../jstest cover this file.

export function createStore(initial, render) {
  let state = Object.freeze({ ...initial });
  return {
    get state() { return state; },
    // set merges patch into the state and renders (next, prev).
    set(patch) {
      const prev = state;
      state = Object.freeze({ ...state, ...patch });
      render(state, prev);
      return state;
    },
  };
}
