/**
 * editor.js: the inspector's only script. It keeps the admin token an editor typed in sessionStorage (this tab only,
 * gone when it closes; never in a URL, a cookie or the page), shows the hidden editor controls when it has one, and
 * sends each override to /admin/overrides with the token as the bearer header. After a change the page is loaded
 * again (or the story the change produced), so what is shown is what the server now serves.
 * Plain ES2017 in a string: served as it is, no build step; the page's CSP allows scripts from 'self' only.
 */
export const EDITOR_SCRIPT = `'use strict';
(function () {
  var KEY = 'onestory-editor-token';
  var status = document.querySelector('.editor-status');
  function say(text) { if (status) status.textContent = text; }
  function token() { try { return sessionStorage.getItem(KEY); } catch (e) { return null; } }
  function show(on) {
    document.querySelectorAll('.editor-only').forEach(function (el) { el.hidden = !on; });
    var form = document.querySelector('form.editor-token');
    if (form) form.hidden = on;
  }
  function forget(why) {
    try { sessionStorage.removeItem(KEY); } catch (e) {}
    show(false);
    say(why || '');
  }
  function request(method, path, body) {
    var headers = { authorization: 'Bearer ' + token() };
    if (body) headers['content-type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, credentials: 'omit', cache: 'no-store' })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) {
          if (res.status === 401 || (res.status === 404 && data.error && data.error.code === 'not_found' && /admin/.test(data.error.message))) {
            forget('The editor token was refused: enter it again.');
            throw new Error('refused');
          }
          if (!res.ok) throw new Error(data.error ? data.error.code + ': ' + data.error.message : 'HTTP ' + res.status);
          return data;
        });
      });
  }
  function go(story) {
    var here = location.pathname;
    var there = '/inspector/clusters/' + encodeURIComponent(story);
    if (story && there !== here) location.assign(there); else location.reload();
  }
  function value(name) {
    var el = document.querySelector('.editor-tools input[name="' + name + '"]');
    return el ? el.value.trim() : '';
  }

  var form = document.querySelector('form.editor-token');
  if (form) form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var input = form.querySelector('input[name="token"]');
    var typed = input.value.trim();
    input.value = '';
    if (!typed) return;
    try { sessionStorage.setItem(KEY, typed); } catch (e) { say('This browser keeps no session storage: editing is off.'); return; }
    say('Checking the token…');
    request('GET', '/admin/overrides').then(function () { show(true); say(''); }, function (err) {
      if (err.message !== 'refused') forget('Could not check the token: ' + err.message);
    });
  });
  var forgetButton = document.querySelector('.editor-tools .forget');
  if (forgetButton) forgetButton.addEventListener('click', function () { forget('Token forgotten.'); });

  document.addEventListener('click', function (ev) {
    var button = ev.target.closest && ev.target.closest('button[data-action], button[data-undo]');
    if (!button || !token()) return;
    var note = value('note');
    var body;
    if (button.dataset.undo) {
      button.disabled = true;
      say('Undoing…');
      request('DELETE', '/admin/overrides/' + encodeURIComponent(button.dataset.undo)).then(function (r) { go(r.story); }, function (err) { button.disabled = false; if (err.message !== 'refused') say(err.message); });
      return;
    }
    var action = button.dataset.action;
    var stay = false; // a split is seen on the story it left: the item gone, the line saying where it went
    if (action === 'merge') {
      var into = value('into');
      if (!into) { say('Type the id of the story to merge this one into.'); return; }
      body = { action: 'merge', story: button.dataset.story, into: into };
    } else if (action === 'split') {
      var box = button.parentElement.querySelector('input[name="split-into"]');
      body = { action: 'split', item: button.dataset.item };
      if (box && box.value.trim()) body.into = box.value.trim();
      stay = true;
    } else if (action === 'pin') {
      body = { action: 'pin', story: button.dataset.story, item: button.dataset.item };
    } else if (action === 'hide') {
      body = { action: 'hide', story: button.dataset.story };
    } else return;
    if (note) body.note = note;
    button.disabled = true;
    say('Saving…');
    request('POST', '/admin/overrides', body).then(function (r) { if (stay) location.reload(); else go(r.story); }, function (err) { button.disabled = false; if (err.message !== 'refused') say(err.message); });
  });

  show(!!token());
})();
`;
