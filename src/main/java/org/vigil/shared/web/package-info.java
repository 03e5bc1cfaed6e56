/**
 * Web plumbing shared by every module's pages and REST controllers: problem responses, error pages, the
 * Idempotency-Key filter, the access-declaration guard and form feedback.
 */
@org.springframework.modulith.NamedInterface("web")
package org.vigil.shared.web;
