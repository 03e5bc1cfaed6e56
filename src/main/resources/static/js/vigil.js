// Vigil page behaviour. No inline scripts: the content security policy forbids them.
(function () {
    'use strict';

    // htmx requests carry the CSRF token from the page's meta tags, like forms do.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // "Copy" buttons next to one-time secrets.
    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-copy-target]');
        if (!button) {
            return;
        }
        var field = document.getElementById(button.getAttribute('data-copy-target'));
        if (!field) {
            return;
        }
        field.select();
        var done = function () {
            var label = button.textContent;
            button.textContent = '✓';
            setTimeout(function () { button.textContent = label; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(field.value).then(done);
        } else {
            document.execCommand('copy');
            done();
        }
    });

    // Move focus to a refused form's summary so screen-reader users hear what to fix.
    document.addEventListener('DOMContentLoaded', function () {
        var problems = document.getElementById('form-problems');
        if (problems) {
            problems.focus();
        }
    });
})();
