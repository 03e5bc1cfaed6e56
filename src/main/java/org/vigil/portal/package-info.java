/**
 * The web shell every person sees: layout, navigation for their roles, their dashboard, and error pages. Modules
 * contribute navigation entries ({@link org.vigil.portal.NavigationEntry}) and dashboard panels
 * ({@link org.vigil.portal.DashboardPanel}) without the portal knowing them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.vigil.portal;
