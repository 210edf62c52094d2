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

// htmx swaps a 422 answer too: it is the page telling what was wrong with the input (e.g. a refused evidence file).
document.addEventListener('htmx:beforeSwap', function (e) {
    if (e.detail.xhr.status === 422) { e.detail.shouldSwap = true; e.detail.isError = false; }
});

// <form data-warn-unsaved>: leaving the page with typed but unsaved changes asks first.
(function () {
    var dirty = new Set();
    document.addEventListener('input', function (e) {
        var form = e.target.form;
        if (form && form.hasAttribute('data-warn-unsaved')) dirty.add(form);
    });
    document.addEventListener('submit', function (e) { dirty.delete(e.target); });
    window.addEventListener('beforeunload', function (e) {
        if (dirty.size === 0) return;
        e.preventDefault();
        e.returnValue = '';
    });
})();

// <input type="file" data-resize-max="N">: a JPEG or PNG photo larger than N pixels on its long side is scaled
// down on the phone before upload; a JPEG keeps its EXIF block (taken-at time, GPS) with the orientation reset,
// since the pixels are already upright.
(function () {
    function exifSegment(bytes) {
        if (bytes[0] !== 0xFF || bytes[1] !== 0xD8) return null;
        var at = 2;
        while (at + 4 <= bytes.length && bytes[at] === 0xFF) {
            var marker = bytes[at + 1], size = (bytes[at + 2] << 8) | bytes[at + 3];
            if (marker === 0xE1 && bytes[at + 4] === 0x45 && bytes[at + 5] === 0x78 && bytes[at + 6] === 0x69 && bytes[at + 7] === 0x66)
                return bytes.slice(at, at + 2 + size);
            if (marker === 0xDA) return null;
            at += 2 + size;
        }
        return null;
    }

    function resetOrientation(segment) {
        var tiff = 10, little = segment[tiff] === 0x49;
        function u16(i) { return little ? segment[i] | (segment[i + 1] << 8) : (segment[i] << 8) | segment[i + 1]; }
        function u32(i) { return little ? (u16(i) | (u16(i + 2) << 16)) >>> 0 : ((u16(i) << 16) | u16(i + 2)) >>> 0; }
        var ifd = tiff + u32(tiff + 4);
        if (ifd + 2 > segment.length) return;
        for (var n = u16(ifd), i = 0; i < n; i++) {
            var entry = ifd + 2 + i * 12;
            if (entry + 12 > segment.length) return;
            if (u16(entry) === 0x0112) {
                segment[entry + 8] = little ? 1 : 0;
                segment[entry + 9] = little ? 0 : 1;
                return;
            }
        }
    }

    async function shrink(file, max) {
        if (!/^image\/(jpeg|png)$/.test(file.type) || !window.createImageBitmap) return file;
        var bitmap = await createImageBitmap(file);
        var scale = max / Math.max(bitmap.width, bitmap.height);
        if (scale >= 1) return file;
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        var blob = await new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.85); });
        var bytes = new Uint8Array(await blob.arrayBuffer());
        var exif = file.type === 'image/jpeg' ? exifSegment(new Uint8Array(await file.arrayBuffer())) : null;
        if (exif) {
            resetOrientation(exif);
            var merged = new Uint8Array(bytes.length + exif.length);
            merged.set(bytes.subarray(0, 2));
            merged.set(exif, 2);
            merged.set(bytes.subarray(2), 2 + exif.length);
            bytes = merged;
        }
        var name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
        return new File([bytes], name, { type: 'image/jpeg', lastModified: file.lastModified });
    }

    document.addEventListener('change', async function (e) {
        var input = e.target;
        if (!input.matches || !input.matches('input[type=file][data-resize-max]') || input.files.length !== 1) return;
        var original = input.files[0];
        var picked = document.getElementById('evidence-picked');
        try {
            var smaller = await shrink(original, parseInt(input.getAttribute('data-resize-max'), 10));
            if (smaller !== original) {
                var transfer = new DataTransfer();
                transfer.items.add(smaller);
                input.files = transfer.files;
            }
            if (picked) picked.textContent = '已选择：' + input.files[0].name + '（' + Math.ceil(input.files[0].size / 1024) + ' KB）';
        } catch (err) {
            if (picked) picked.textContent = '已选择：' + original.name + '（未能在手机上缩小，将按原图上传）';
        }
    });
})();
