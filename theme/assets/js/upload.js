// Photo upload for a guest page: each photo gets a presigned URL from SCC and is PUT straight to storage.
// No framework and no third-party request; the page works without this script except for the upload itself.
(function () {
  'use strict';
  var root = document.querySelector('[data-photo-upload]');
  if (!root || !window.XMLHttpRequest || !window.fetch) return;

  var TYPES = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', heic: 'image/heic', heif: 'image/heif', webp: 'image/webp' };
  var ALLOWED = ['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'image/webp'];
  var presign = root.getAttribute('data-presign-url');
  var maxBytes = parseInt(root.getAttribute('data-max-bytes'), 10) || 25 * 1024 * 1024;
  var items = [];
  var waitingForNetwork = [];

  root.classList.add('photos-ready');
  root.insertAdjacentHTML('beforeend',
    '<div class="drop"><input type="file" id="photo-input" class="visually-hidden" multiple ' +
    'accept="image/jpeg,image/png,image/heic,image/heif,image/webp,.heic,.heif">' +
    '<label for="photo-input" class="button">Choose photos</label> <span>or drop them here</span></div>' +
    '<p class="hint">JPEG, PNG, HEIC or WebP, up to ' + mb(maxBytes) + ' each.</p>' +
    '<ul class="uploads"></ul><p class="visually-hidden" role="status" aria-live="polite"></p>');
  var input = root.querySelector('#photo-input');
  var list = root.querySelector('.uploads');
  var status = root.querySelector('[role=status]');

  input.addEventListener('change', function () { add(input.files); input.value = ''; });
  root.addEventListener('dragover', function (e) { e.preventDefault(); root.classList.add('dragging'); });
  root.addEventListener('dragleave', function () { root.classList.remove('dragging'); });
  root.addEventListener('drop', function (e) {
    e.preventDefault();
    root.classList.remove('dragging');
    add(e.dataTransfer.files);
  });
  window.addEventListener('online', function () {
    var again = waitingForNetwork.splice(0);
    again.forEach(function (item) { start(item, false); });
  });

  function add(files) {
    Array.prototype.forEach.call(files, function (file) {
      var item = { file: file, type: typeOf(file), row: document.createElement('li'), done: false };
      item.row.innerHTML = '<span class="name"></span> <progress max="100" value="0"></progress> ' +
        '<span class="state"></span> <button type="button" class="retry" hidden>Retry</button>';
      item.row.querySelector('.name').textContent = file.name;
      item.row.querySelector('.retry').addEventListener('click', function () { start(item, false); });
      list.appendChild(item.row);
      items.push(item);
      if (ALLOWED.indexOf(item.type) < 0) {
        fail(item, file.name + ' is not a photo we can take: use JPEG, PNG, HEIC or WebP.', false);
      } else if (file.size > maxBytes) {
        fail(item, file.name + ' is too large (' + mb(file.size) + '); the limit is ' + mb(maxBytes) + '.', false);
      } else {
        start(item, false);
      }
    });
  }

  function start(item, freshLinkAlready) {
    show(item, 'Uploading…', false);
    item.row.querySelector('progress').value = 0;
    var url = presign + '?filename=' + encodeURIComponent(item.file.name) + '&content_type=' + encodeURIComponent(item.type) +
      '&size=' + item.file.size;
    fetch(url, { credentials: 'omit' }).then(function (response) {
      if (response.status === 404) throw { message: 'This trip is no longer taking photos.', final: true };
      if (response.status === 400) throw { message: item.file.name + ' is not a type of photo we can take.', final: true };
      if (response.status === 413) throw { message: item.file.name + ' is too large; the limit is ' + mb(maxBytes) + '.', final: true };
      if (response.status === 403) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          throw { message: 'Photo upload is closed for this trip' + (answer.error ? ': ' + answer.error : '') + '.', final: true };
        });
      }
      if (!response.ok) throw { message: 'The upload service did not answer (' + response.status + '). Try again in a moment.' };
      return response.json();
    }).then(function (link) {
      return put(item, link);
    }).then(function () {
      item.done = true;
      item.row.querySelector('progress').value = 100;
      show(item, 'Uploaded', false);
      announce();
    }, function (error) {
      if (error.status === 403 && !freshLinkAlready) {
        start(item, true); // the link expired or was refused: ask for a fresh one, once
      } else if (error.network) {
        offline(item);
      } else if (error.status) {
        fail(item, 'The upload was refused (' + error.status + '). Try again.', true);
      } else {
        fail(item, error.message || 'Something went wrong. Try again.', !error.final);
      }
    });
  }

  function put(item, link) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(link.method || 'PUT', link.url);
      var headers = link.headers || {};
      // The browser sets Content-Length from the file itself (the link signed that size); a page may not set it.
      Object.keys(headers).forEach(function (name) {
        if (name.toLowerCase() !== 'content-length') xhr.setRequestHeader(name, headers[name]);
      });
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) item.row.querySelector('progress').value = Math.round(e.loaded * 100 / e.total);
      };
      xhr.onload = function () { xhr.status < 300 ? resolve() : reject({ status: xhr.status }); };
      xhr.onerror = function () { reject({ network: true }); };
      xhr.send(item.file);
    });
  }

  function offline(item) {
    if (navigator.onLine === false) {
      waitingForNetwork.push(item);
      show(item, 'You are offline; the upload goes on when you are back online.', true);
    } else {
      fail(item, 'The connection dropped. Try again.', true);
    }
  }

  function fail(item, message, canRetry) {
    show(item, message, canRetry);
    item.row.classList.add('failed');
    status.textContent = message;
  }

  function show(item, text, canRetry) {
    item.row.classList.remove('failed');
    item.row.querySelector('.state').textContent = text;
    item.row.querySelector('.retry').hidden = !canRetry;
  }

  function announce() {
    var done = items.filter(function (i) { return i.done; }).length;
    var photos = items.filter(function (i) { return ALLOWED.indexOf(i.type) >= 0 && i.file.size <= maxBytes; }).length;
    status.textContent = done === photos
      ? 'All ' + done + (done === 1 ? ' photo' : ' photos') + ' uploaded. Thank you!'
      : 'Uploaded ' + done + ' of ' + photos + ' photos.';
  }

  function typeOf(file) {
    if (file.type) return file.type.toLowerCase();
    var dot = file.name.lastIndexOf('.');
    return TYPES[file.name.slice(dot + 1).toLowerCase()] || '';
  }

  function mb(bytes) {
    return (Math.round(bytes / 104857.6) / 10) + ' MB';
  }
})();
