// htmx requests that are not forms (hx-get with hx-post elsewhere, buttons) carry the antiforgery token as a header.
document.addEventListener('htmx:configRequest', function (e) {
    var field = document.querySelector('input[name="__RequestVerificationToken"]');
    if (field) e.detail.headers['RequestVerificationToken'] = field.value;
});
