/**
 * The shared kernel of Vigil: identities that every module speaks about (organisations, users, roles, records),
 * who is acting right now ({@link org.vigil.shared.Tenancy}) and the database, web and command-line plumbing that
 * enforces tenant isolation underneath every module.
 *
 * <p>Tenant isolation is the foundation of trust between hospitals, manufacturers and authorities sharing one
 * installation: every read and write is scoped to the acting organisation plus what was explicitly shared with it,
 * enforced once in the application and again by PostgreSQL row-level security.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.vigil.shared;
