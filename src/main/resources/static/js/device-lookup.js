// Scan lookup: after a scan the field keeps the scan selected, so the next scan replaces it (scanners type like a
// keyboard and cannot clear a field first).
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        var field = document.getElementById('scan');
        if (field) {
            field.focus();
            field.select();
        }
    });
})();
