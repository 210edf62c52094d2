// No inline scripts or handlers anywhere (Content-Security-Policy script-src 'self'): behaviour is wired here.

// htmx requests carry the antiforgery token as a header; the cookie-authenticated API requires it on every
// unsafe method (forms also post it as a field). Every signed-in page has one in the logout form.
document.addEventListener('htmx:configRequest', function (e) {
    var field = document.querySelector('input[name="__RequestVerificationToken"]');
    if (field) e.detail.headers['RequestVerificationToken'] = field.value;
});

// <button data-random-hex-into="ID">: fills input #ID with 32 random bytes as hex from the browser's CSPRNG
// (a ceremony party's secret that the server never proposes).
document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('[data-random-hex-into]') : null;
    if (!button) return;
    var bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    document.getElementById(button.getAttribute('data-random-hex-into')).value =
        Array.from(bytes, function (x) { return x.toString(16).padStart(2, '0'); }).join('');
});
