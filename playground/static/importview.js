// The page's import: files dropped on the scenario's inputs, or chosen,
// are read by the importer in the browser (runwhere.import), never sent
// anywhere. Each service found can be loaded into the form; every field
// it filled is marked, its origin (file, line, path) on hover, until the
// next scenario is picked.

import { $, el } from './dom.js';
import { call } from './bridge.js';
import { idOf } from './form.js';

let services = [];

// wireImport connects the file input, the drop zone and the menu of
// services; load(text, origin) fills the form as a preset does.
export function wireImport(load) {
  const input = $('import-files');
  input.addEventListener('change', () => { readFiles([...input.files], load); });
  const zone = $('import-zone');
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('drag'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('drag'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('drag');
    readFiles([...e.dataTransfer.files], load);
  });
  $('import-pick').addEventListener('change', (e) => pick(Number(e.target.value), load));
}

// importTexts reads files given as {name, text}: what a drop, the file
// input and a test hand over alike.
export function importTexts(list, load) {
  const r = call('import', JSON.stringify(list));
  const status = $('import-status');
  const menu = $('import-pick');
  services = [];
  menu.hidden = true;
  menu.replaceChildren();
  if (r.error) {
    status.replaceChildren(el('p', { class: 'error', text: r.error.replace(/^(import: )?(importer: )?/, '') }));
    return;
  }
  services = r.services;
  const lines = [];
  const files = list.length === 1 ? `${list[0].name}` : `${list.length} files`;
  lines.push(el('p', { text: services.length === 0 ? `No service found in ${files}.` : `${services.length === 1 ? 'One service' : `${services.length} services`} found in ${files}.` }));
  for (const k of r.skipped) {
    lines.push(el('p', { class: 'skipped', text: `Skipped: ${k.file}${k.line ? `:${k.line}` : ''} ${k.kind || 'document'} ${k.reason}` }));
  }
  status.replaceChildren(...lines);
  if (services.length > 1) {
    menu.append(...services.map((s, i) => el('option', { value: String(i), text: `${s.name} (${s.kind}, ${s.file})` })));
    menu.hidden = false;
  }
  if (services.length > 0) pick(0, load);
}

async function readFiles(files, load) {
  if (files.length === 0) return;
  const list = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  importTexts(list, load);
}

// pick loads service i into the form and marks what it filled.
function pick(i, load) {
  const s = services[i];
  if (!s) return;
  $('import-pick').value = String(i);
  $('preset').value = ''; // the form no longer holds a preset
  load(s.yaml, `import ${s.name}`);
  clearImportMarks();
  const mark = (path, cls, title) => {
    const input = $(idOf(path));
    if (!input) return;
    input.dataset.help = input.title;
    input.title = title;
    input.closest('.field')?.classList.add(cls);
  };
  for (const [path, origin] of Object.entries(s.origins)) mark(path, 'imported', `Imported from ${origin}`);
  // A placeholder is marked apart: a value the files did not give.
  for (const m of s.missing) mark(m.field, 'import-placeholder', `Not in the files, a placeholder: ${m.why}`);
  const missing = $('import-missing');
  missing.replaceChildren(...(s.missing.length === 0 ? [] : [
    el('p', { text: 'Not in the files; the form holds placeholders for:' }),
    el('ul', {}, ...s.missing.map((m) => el('li', { text: `${m.field}: ${m.value} (${m.why})` }))),
  ]), ...s.notes.map((n) => el('p', { class: 'note', text: `Note: ${n}` })));
}

// clearImportMarks takes the marks off: a preset or another import
// replaces what the files said.
export function clearImportMarks() {
  for (const input of document.querySelectorAll('.field.imported :is(input, select), .field.import-placeholder :is(input, select)')) {
    if (input.dataset.help !== undefined) {
      input.title = input.dataset.help;
      delete input.dataset.help;
    }
  }
  for (const w of document.querySelectorAll('.field.imported, .field.import-placeholder')) w.classList.remove('imported', 'import-placeholder');
}
