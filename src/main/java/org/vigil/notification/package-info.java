/**
 * Telling people what happened: notices in the application and e-mails through the operator's SMTP server, sent
 * after the change that causes them has committed, retried until delivered, and never lost silently: a delivery that
 * fails for good stays visible to the recipient's organisation administrators and turns the health check degraded.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.vigil.notification;
