// Passkeys (WebAuthn): add one on the second-factor page, or sign in with one after the
// password instead of typing a code. Without JavaScript, or in a browser without passkeys,
// the page works as before with codes; these controls stay hidden.
(function () {
  "use strict";
  var supported = window.PublicKeyCredential &&
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function" &&
    typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

  function post(box, url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": box.dataset.csrf },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          // The server's own words (a problem's detail, in the reader's language), else ours.
          var refused = new Error(data.detail || box.dataset.failed);
          refused.said = true;
          throw refused;
        }
        return data;
      });
    });
  }

  function say(box, message) {
    var out = box.querySelector("[data-passkey-error]");
    out.textContent = message;
    out.hidden = !message;
  }

  function wire(box, ceremony) {
    if (!supported) {
      var note = box.querySelector("[data-passkey-unsupported]");
      if (note) note.hidden = false;
      return;
    }
    box.querySelector("[data-passkey-controls]").hidden = false;
    box.querySelector("button").addEventListener("click", function () {
      say(box, "");
      ceremony(box)
        .then(function (done) { window.location.assign(done.redirect); })
        .catch(function (error) {
          // The person closed the browser's dialog or the device said no; a network or
          // browser error is not shown in its own (English, technical) words.
          if (error.name === "NotAllowedError") say(box, box.dataset.cancelled);
          else say(box, error.said ? error.message : box.dataset.failed);
        });
    });
  }

  var add = document.querySelector("[data-passkey-add]");
  if (add) {
    wire(add, function (box) {
      return post(box, box.dataset.options).then(function (options) {
        return navigator.credentials.create({
          publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options)
        });
      }).then(function (credential) {
        var label = box.querySelector("input[name=label]").value;
        return post(box, box.dataset.add, { credential: credential.toJSON(), label: label });
      });
    });
  }

  var login = document.querySelector("[data-passkey-login]");
  if (login) {
    wire(login, function (box) {
      return post(box, box.dataset.options).then(function (options) {
        return navigator.credentials.get({
          publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options)
        });
      }).then(function (credential) {
        var remember = document.querySelector("input[name=remember_device]");
        return post(box, box.dataset.verify, {
          credential: credential.toJSON(),
          remember_device: Boolean(remember && remember.checked)
        });
      });
    });
  }
})();
