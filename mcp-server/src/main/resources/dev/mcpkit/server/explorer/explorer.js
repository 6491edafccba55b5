// mcpkit explorer page. Plain JavaScript, no build step; inlined with the response's CSP nonce.
// Everything from the server or a tool is put in the page with textContent, never as HTML.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('explorer-data').textContent);
  const endpoint = location.href.split('#')[0]; // the page is served at the endpoint's URL
  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // ---------------------------------------------------------------- Run test: the form

  const toolSelect = $('run-tool');
  const fieldsBox = $('run-fields');
  const controls = new Map();

  function toolNamed(name) {
    return data.tools.find((t) => t.name === name);
  }

  function renderForm(tool) {
    controls.clear();
    fieldsBox.replaceChildren();
    if (!tool.fields.length) {
      fieldsBox.append(el('p', 'muted small', 'This tool takes no parameters.'));
      return;
    }
    tool.fields.forEach((field) => fieldsBox.append(fieldControl(field)));
  }

  function fieldControl(f) {
    const wrap = el('label', 'field');
    const head = el('span', 'field-label');
    head.append(el('code', null, f.name), el('span', 'type', f.type));
    if (f.required) head.append(el('span', 'req', 'required'));
    wrap.append(head);

    let control;
    const has = Object.prototype.hasOwnProperty.call(f, 'default');
    if (f.kind === 'boolean' || f.kind === 'enum') {
      control = el('select');
      if (!f.required || !has) control.append(option('', f.required ? 'choose…' : 'not set'));
      const values = f.kind === 'boolean' ? [true, false] : f.enum;
      const labels = f.kind === 'boolean' ? ['true', 'false'] : f.enumLabels;
      values.forEach((v, i) => control.append(option(JSON.stringify(v), labels[i])));
      if (has) control.value = JSON.stringify(f.default);
    } else if (f.kind === 'string' || f.kind === 'number' || f.kind === 'integer') {
      control = el('input');
      control.type = f.kind === 'string' ? 'text' : 'number';
      if (f.kind === 'number') control.step = 'any';
      if (has && f.default !== null) control.value = String(f.default);
    } else {
      control = el('textarea');
      const lines = f.kind === 'array' && f.itemKind !== 'json';
      control.placeholder = lines ? 'one value per line' : f.kind === 'object' ? '{ }' : 'JSON';
      if (has) {
        control.value = lines && Array.isArray(f.default)
          ? f.default.join('\n') : JSON.stringify(f.default, null, 2);
      }
    }
    control.name = f.name;
    wrap.append(control);
    const help = [f.title, f.description].filter(Boolean).join(': ');
    if (help) wrap.append(el('span', 'hint', help));
    const error = el('div', 'error-text');
    error.hidden = true;
    wrap.append(error);
    controls.set(f.name, { field: f, control, wrap, error });
    return wrap;
  }

  function option(value, label) {
    const o = el('option', null, label);
    o.value = value;
    return o;
  }

  // Turns what was typed into arguments; returns null (and marks the fields) when some are wrong.
  function collectArguments() {
    const args = {};
    let ok = true;
    controls.forEach(({ field, control, wrap, error }) => {
      wrap.classList.remove('invalid');
      error.hidden = true;
      try {
        const value = read(field, control.value);
        if (value === undefined) {
          if (field.required) throw new Error('required');
        } else {
          args[field.name] = value;
        }
      } catch (e) {
        ok = false;
        wrap.classList.add('invalid');
        error.textContent = e.message;
        error.hidden = false;
      }
    });
    return ok ? args : null;
  }

  function read(f, raw) {
    switch (f.kind) {
      case 'string':
        return raw === '' ? undefined : raw;
      case 'number':
      case 'integer':
        return raw.trim() === '' ? undefined : scalar(f.kind, raw.trim());
      case 'boolean':
      case 'enum':
        return raw === '' ? undefined : JSON.parse(raw);
      case 'array':
        if (f.itemKind !== 'json') {
          const items = raw.split('\n').map((s) => s.trim()).filter((s) => s !== '');
          return items.length ? items.map((s) => scalar(f.itemKind, s)) : undefined;
        }
      // an array of objects: JSON, like the cases below
      // falls through
      default: {
        if (raw.trim() === '') return undefined;
        try {
          return JSON.parse(raw);
        } catch (e) {
          throw new Error('not valid JSON: ' + e.message);
        }
      }
    }
  }

  function scalar(kind, text) {
    if (kind === 'string') return text;
    if (kind === 'boolean') {
      if (text === 'true' || text === 'false') return text === 'true';
      throw new Error('"' + text + '" is not true or false');
    }
    const n = Number(text);
    if (!Number.isFinite(n)) throw new Error('"' + text + '" is not a number');
    if (kind === 'integer' && !Number.isInteger(n)) throw new Error('"' + text + '" is not a whole number');
    return n;
  }

  // ---------------------------------------------------------------- Run test: the MCP exchange

  let session = null; // { id, version } once initialized
  let nextId = 1;

  class HttpError extends Error {
    constructor(status, body) {
      super('HTTP ' + status);
      this.status = status;
      this.body = body;
    }
  }

  function headers() {
    const h = { 'Content-Type': 'application/json', 'Accept': 'application/json, text/event-stream' };
    const credential = $('run-credential');
    if (credential && credential.value) {
      h[data.auth.header] = data.auth.kind === 'bearer' ? 'Bearer ' + credential.value : credential.value;
    }
    if (session) {
      if (session.id) h['Mcp-Session-Id'] = session.id;
      h['MCP-Protocol-Version'] = session.version;
    }
    return h;
  }

  async function post(message) {
    return fetch(endpoint, {
      method: 'POST', headers: headers(), body: JSON.stringify(message),
      credentials: 'same-origin', cache: 'no-store', redirect: 'error',
    });
  }

  // Sends a request and returns [JSON-RPC response, HTTP response].
  async function request(method, params) {
    const id = nextId++;
    const response = await post({ jsonrpc: '2.0', id, method, params });
    if (!response.ok) throw new HttpError(response.status, await response.text());
    const type = (response.headers.get('Content-Type') || '').toLowerCase();
    const answer = type.includes('text/event-stream')
      ? await fromEventStream(response, id)
      : pick(await response.json(), id);
    if (!answer) throw new Error('the server did not answer request ' + id);
    return [answer, response];
  }

  function pick(body, id) {
    const messages = Array.isArray(body) ? body : [body];
    return messages.find((m) => m && m.id === id && ('result' in m || 'error' in m));
  }

  // Reads server-sent events until the answer to request `id` arrives.
  async function fromEventStream(response, id) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let lines = [];
    const dispatch = () => {
      if (!lines.length) return null;
      let message = null;
      try {
        message = pick(JSON.parse(lines.join('\n')), id);
      } catch (e) {
        message = null; // not JSON-RPC (e.g. a priming event): skip it
      }
      lines = [];
      return message;
    };
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
      let match;
      while ((match = /\r\n|\r|\n/.exec(buffer))) {
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        if (line === '') {
          const message = dispatch();
          if (message) {
            reader.cancel().catch(() => {});
            return message;
          }
        } else if (line.startsWith('data:')) {
          lines.push(line.slice(5).replace(/^ /, ''));
        }
      }
      if (done) return dispatch();
    }
  }

  async function ensureSession() {
    if (session) return 0;
    const started = performance.now();
    const [answer, response] = await request('initialize', {
      protocolVersion: data.protocolVersion,
      capabilities: {},
      clientInfo: { name: 'mcpkit-explorer', title: 'MCP explorer', version: '1' },
    });
    if (answer.error) throw rpcFailure('initialize', answer.error);
    session = {
      id: response.headers.get('Mcp-Session-Id'),
      version: answer.result.protocolVersion || data.protocolVersion,
    };
    const ack = await post({ jsonrpc: '2.0', method: 'notifications/initialized' });
    if (!ack.ok && ack.status !== 202) throw new HttpError(ack.status, await ack.text());
    return performance.now() - started;
  }

  function rpcFailure(method, error) {
    const e = new Error(method + ' failed');
    e.rpc = error;
    return e;
  }

  async function callTool(name, args) {
    const initMs = await ensureSession();
    const started = performance.now();
    const [answer] = await request('tools/call', { name, arguments: args });
    return { answer, ms: performance.now() - started, initMs };
  }

  async function run(event) {
    event.preventDefault();
    const args = collectArguments();
    if (!args) {
      $('run-status').textContent = 'Fix the marked fields first.';
      return;
    }
    const name = toolSelect.value;
    const button = $('run-submit');
    button.disabled = true;
    $('run-status').textContent = 'Calling ' + name + '…';
    let outcome;
    try {
      try {
        outcome = await callTool(name, args);
      } catch (e) {
        if (!(e instanceof HttpError && e.status === 404 && session && session.id)) throw e;
        session = null; // the session expired: start a new one, once
        outcome = await callTool(name, args);
      }
      showAnswer(name, outcome);
    } catch (e) {
      showFailure(name, e);
    } finally {
      button.disabled = false;
      $('run-status').textContent = '';
    }
  }

  // ---------------------------------------------------------------- Run test: the result

  const resultBox = $('run-result');

  function resultHeader(name, ok, statusText, ms, initMs) {
    resultBox.replaceChildren();
    resultBox.classList.remove('empty');
    const head = el('div', 'result-head');
    const title = el('h3');
    title.append(el('code', null, name));
    head.append(title, el('span', 'status ' + (ok ? 'ok' : 'fail'), statusText));
    if (ms !== undefined) {
      const timing = el('span', 'timing', Math.round(ms) + ' ms');
      if (initMs) timing.title = 'plus ' + Math.round(initMs) + ' ms to initialize the session';
      head.append(timing);
    }
    resultBox.append(head);
  }

  function block(label) {
    resultBox.append(el('div', 'block-label', label));
  }

  function showAnswer(name, { answer, ms, initMs }) {
    if (answer.error) {
      resultHeader(name, false, 'Protocol error ' + answer.error.code, ms, initMs);
      resultBox.append(el('pre', 'text error', answer.error.message || 'no message'));
      if (answer.error.data !== undefined) {
        block('Error data');
        resultBox.append(el('pre', 'json', JSON.stringify(answer.error.data, null, 2)));
      }
    } else {
      const result = answer.result || {};
      const failed = result.isError === true;
      resultHeader(name, !failed, failed ? 'Tool error' : 'Success', ms, initMs);
      const content = Array.isArray(result.content) ? result.content : [];
      const structured = result.structuredContent;
      // a text block that only repeats the structured content (as servers do for older clients)
      const repeats = (c) => structured !== undefined && c.type === 'text' && sameJson(c.text, structured);
      const shown = content.filter((c) => !repeats(c));
      if (shown.length) block(shown.length === 1 ? 'Content' : shown.length + ' content blocks');
      shown.forEach((c) => resultBox.append(contentBlock(c, failed)));
      if (structured !== undefined) {
        block('Structured content');
        resultBox.append(el('pre', 'json structured', JSON.stringify(structured, null, 2)));
        if (shown.length < content.length) {
          resultBox.append(el('p', 'meta', 'The text content repeats this as JSON.'));
        }
      }
      if (!content.length && result.structuredContent === undefined) {
        resultBox.append(el('p', 'muted', 'The tool returned no content.'));
      }
    }
    raw(answer);
  }

  function sameJson(text, value) {
    try {
      return canonical(JSON.parse(text)) === canonical(value);
    } catch (e) {
      return false;
    }
  }

  function canonical(value) {
    if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
    if (value && typeof value === 'object') {
      return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
    }
    return JSON.stringify(value);
  }

  function contentBlock(c, failed) {
    const image = /^image\/[a-z0-9.+-]+$/i;
    const audio = /^audio\/[a-z0-9.+-]+$/i;
    const base64 = /^[A-Za-z0-9+/=\s]*$/;
    if (c.type === 'text') return el('pre', 'text' + (failed ? ' error' : ''), c.text);
    if (c.type === 'image' && image.test(c.mimeType || '') && base64.test(c.data || '')) {
      const img = el('img');
      img.alt = 'image returned by the tool (' + c.mimeType + ')';
      img.src = 'data:' + c.mimeType + ';base64,' + c.data.replace(/\s/g, '');
      return img;
    }
    if (c.type === 'audio' && audio.test(c.mimeType || '') && base64.test(c.data || '')) {
      const player = el('audio');
      player.controls = true;
      player.src = 'data:' + c.mimeType + ';base64,' + c.data.replace(/\s/g, '');
      return player;
    }
    if (c.type === 'resource' && c.resource && typeof c.resource.text === 'string') {
      const wrap = el('div');
      wrap.append(el('div', 'meta', 'Resource ' + (c.resource.uri || '')), el('pre', 'text', c.resource.text));
      return wrap;
    }
    return el('pre', 'json', JSON.stringify(c, null, 2));
  }

  function raw(answer) {
    const details = el('details');
    details.append(el('summary', null, 'Raw JSON-RPC response'), el('pre', 'json', JSON.stringify(answer, null, 2)));
    resultBox.append(details);
  }

  function showFailure(name, e) {
    if (e instanceof HttpError) {
      const hint = e.status === 401 || e.status === 403
        ? (data.auth.kind === 'none' ? ' The endpoint refused the credential.' : ' Enter the credential above.')
        : '';
      resultHeader(name, false, 'HTTP ' + e.status);
      resultBox.append(el('pre', 'text error', (e.body || 'no body').slice(0, 4000) + (hint ? '\n' + hint : '')));
    } else if (e.rpc) {
      resultHeader(name, false, 'Protocol error ' + e.rpc.code);
      resultBox.append(el('pre', 'text error', e.message + ': ' + (e.rpc.message || '')));
    } else {
      resultHeader(name, false, 'Failed');
      resultBox.append(el('pre', 'text error', String(e && e.message ? e.message : e)));
    }
  }

  // ---------------------------------------------------------------- Connect

  let revealed = false;

  function showSecrets() {
    $('endpoint-url').textContent = revealed ? data.endpoint : data.maskedEndpoint;
    data.snippets.forEach((s) => {
      document.querySelector('#snippet-' + s.id + ' code').textContent = revealed ? s.text : s.masked;
    });
    const reveal = $('reveal');
    if (reveal) {
      reveal.textContent = revealed ? 'Hide' : 'Reveal';
      reveal.setAttribute('aria-pressed', String(revealed));
    }
  }

  async function copy(button) {
    const key = button.dataset.copy;
    const snippet = data.snippets.find((s) => s.id === key);
    const text = key === 'endpoint' ? data.endpoint : snippet ? snippet.text : '';
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const area = el('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    button.textContent = 'Copied';
    button.classList.add('done');
    setTimeout(() => {
      button.textContent = 'Copy';
      button.classList.remove('done');
    }, 1500);
  }

  function selectTab(id) {
    document.querySelectorAll('.tab').forEach((tab) => {
      const active = tab.dataset.tab === id;
      tab.classList.toggle('active', active);
      tab.setAttribute('aria-selected', String(active));
    });
    document.querySelectorAll('.snippet').forEach((panel) => {
      panel.hidden = panel.id !== 'snippet-' + id;
    });
  }

  // ---------------------------------------------------------------- wiring

  if (toolSelect) {
    toolSelect.addEventListener('change', () => renderForm(toolNamed(toolSelect.value)));
    $('run-form').addEventListener('submit', run);
    renderForm(toolNamed(toolSelect.value));
  }
  document.querySelectorAll('[data-run]').forEach((button) => {
    button.addEventListener('click', () => {
      toolSelect.value = button.dataset.run;
      renderForm(toolNamed(toolSelect.value));
      $('run').scrollIntoView();
      const first = fieldsBox.querySelector('input, select, textarea');
      if (first) first.focus({ preventScroll: true });
    });
  });
  const reveal = $('reveal');
  if (reveal) {
    reveal.addEventListener('click', () => {
      revealed = !revealed;
      showSecrets();
    });
  }
  document.querySelectorAll('[data-copy]').forEach((b) => b.addEventListener('click', () => copy(b)));
  document.querySelectorAll('.tab').forEach((t) => t.addEventListener('click', () => selectTab(t.dataset.tab)));
})();
