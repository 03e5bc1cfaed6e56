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
    // Code pickers (templates/terminology/pickers.html): a combobox whose listbox htmx fills as the person types.
    // Arrow keys move through the options, Enter or a click chooses one, Escape closes the list. Options marked
    // aria-disabled (retired or grouping terms) are shown but cannot be chosen. Editing the text clears the code.
    function pickerParts(picker) {
        return {
            input: picker.querySelector('[role=combobox]'),
            value: picker.querySelector('[data-picker-value]'),
            list: picker.querySelector('[role=listbox]')
        };
    }

    function pickerOptions(picker) {
        return Array.prototype.slice.call(picker.querySelectorAll('[role=option][data-code]'));
    }

    function closePicker(picker) {
        var parts = pickerParts(picker);
        parts.list.innerHTML = '';
        parts.input.setAttribute('aria-expanded', 'false');
        parts.input.removeAttribute('aria-activedescendant');
    }

    function activate(picker, index) {
        var options = pickerOptions(picker);
        var parts = pickerParts(picker);
        options.forEach(function (option, i) {
            option.classList.toggle('active', i === index);
            option.setAttribute('aria-selected', i === index ? 'true' : 'false');
        });
        if (index >= 0 && options[index]) {
            parts.input.setAttribute('aria-activedescendant', options[index].id);
            options[index].scrollIntoView({ block: 'nearest' });
        } else {
            parts.input.removeAttribute('aria-activedescendant');
        }
    }

    function choose(picker, option) {
        if (!option || option.getAttribute('aria-disabled') === 'true') {
            return;
        }
        var parts = pickerParts(picker);
        parts.value.value = option.getAttribute('data-code');
        parts.input.value = option.getAttribute('data-label');
        parts.input.setAttribute('data-chosen', parts.input.value);
        // Tells forms that save as the person types (incident report drafts) that the code changed.
        parts.value.dispatchEvent(new Event('input', { bubbles: true }));
        closePicker(picker);
        parts.input.focus();
    }

    // The chosen term's label in the box is not a new search (the Enter that chose it would otherwise search it).
    document.addEventListener('htmx:beforeRequest', function (event) {
        var input = event.detail.elt;
        if (input.matches && input.matches('[data-picker] [role=combobox]')
                && input.value === input.getAttribute('data-chosen')) {
            event.preventDefault();
        }
    });

    document.addEventListener('htmx:afterSwap', function (event) {
        var picker = event.target.closest && event.target.closest('[data-picker]');
        if (picker) {
            var parts = pickerParts(picker);
            parts.input.setAttribute('aria-expanded', parts.list.children.length > 0 ? 'true' : 'false');
            activate(picker, -1);
        }
    });

    document.addEventListener('keydown', function (event) {
        var input = event.target;
        if (!input.matches || !input.matches('[data-picker] [role=combobox]')) {
            return;
        }
        var picker = input.closest('[data-picker]');
        var options = pickerOptions(picker);
        var current = options.findIndex(function (option) { return option.classList.contains('active'); });
        if (event.key === 'ArrowDown' && options.length) {
            event.preventDefault();
            activate(picker, Math.min(current + 1, options.length - 1));
        } else if (event.key === 'ArrowUp' && options.length) {
            event.preventDefault();
            activate(picker, Math.max(current - 1, 0));
        } else if (event.key === 'Enter' && current >= 0) {
            event.preventDefault();
            choose(picker, options[current]);
        } else if (event.key === 'Escape') {
            closePicker(picker);
        }
    });

    document.addEventListener('input', function (event) {
        var input = event.target;
        if (input.matches && input.matches('[data-picker] [role=combobox]')) {
            pickerParts(input.closest('[data-picker]')).value.value = '';
        }
    });

    document.addEventListener('click', function (event) {
        var option = event.target.closest && event.target.closest('[data-picker] [role=option][data-code]');
        if (option) {
            choose(option.closest('[data-picker]'), option);
        }
    });
})();
