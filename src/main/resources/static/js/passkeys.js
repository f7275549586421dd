// Passkeys (WebAuthn): registration on /account and sign-in on /login, after Spring Security's
// webauthn.js (Apache-2.0), as a static file because the CSP allows no inline script.
"use strict";
(() => {
  const b64 = {
    encode(buffer) {
      return window.btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(s) {
      const bin = window.atob(s.replace(/-/g, "+").replace(/_/g, "/"));
      const out = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return out.buffer;
    }
  };

  function headers(form) {
    const token = form.querySelector("input[name=_csrf]");
    return token ? { "X-CSRF-TOKEN": token.value } : {};
  }

  async function post(url, form, body) {
    const r = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", ...headers(form) },
      body: body ? JSON.stringify(body) : undefined
    });
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.json();
  }

  function fail(form, e) {
    console.error(e);
    const box = form.querySelector("[data-passkey-error]");
    if (box) box.hidden = false;
  }

  async function signIn(form) {
    const options = await post("/webauthn/authenticate/options", form);
    const cred = await navigator.credentials.get({ publicKey: {
      ...options,
      challenge: b64.decode(options.challenge),
      allowCredentials: (options.allowCredentials || []).map(c => ({ ...c, id: b64.decode(c.id) }))
    } });
    const r = cred.response;
    const result = await post("/login/webauthn", form, {
      id: cred.id,
      rawId: b64.encode(cred.rawId),
      response: {
        authenticatorData: b64.encode(r.authenticatorData),
        clientDataJSON: b64.encode(r.clientDataJSON),
        signature: b64.encode(r.signature),
        userHandle: r.userHandle ? b64.encode(r.userHandle) : undefined
      },
      credType: cred.type,
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment
    });
    if (!result || !result.authenticated) throw new Error("not authenticated");
    window.location.href = result.redirectUrl || "/";
  }

  async function register(form) {
    const label = form.querySelector("input[name=label]").value.trim();
    if (!label) { form.querySelector("input[name=label]").reportValidity(); return; }
    const options = await post("/webauthn/register/options", form);
    const cred = await navigator.credentials.create({ publicKey: {
      ...options,
      user: { ...options.user, id: b64.decode(options.user.id) },
      challenge: b64.decode(options.challenge),
      excludeCredentials: (options.excludeCredentials || []).map(c => ({ ...c, id: b64.decode(c.id) }))
    } });
    const r = cred.response;
    const result = await post("/webauthn/register", form, { publicKey: { label, credential: {
      id: cred.id,
      rawId: b64.encode(cred.rawId),
      response: {
        attestationObject: b64.encode(r.attestationObject),
        clientDataJSON: b64.encode(r.clientDataJSON),
        transports: r.getTransports ? r.getTransports() : []
      },
      type: cred.type,
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment
    } } });
    if (!result || !result.success) throw new Error("not registered");
    window.location.href = "/account?passkeyAdded";
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const [selector, action] of [["#passkey-login", signIn], ["#passkey-register", register]]) {
      const form = document.querySelector(selector);
      if (!form) continue;
      if (!window.PublicKeyCredential) { form.hidden = true; continue; }
      form.addEventListener("submit", e => {
        e.preventDefault();
        action(form).catch(err => fail(form, err));
      });
    }
  });
})();
