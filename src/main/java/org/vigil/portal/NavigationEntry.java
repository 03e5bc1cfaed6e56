package org.vigil.portal;

import java.util.Set;

import org.vigil.shared.Role;

/**
 * One entry of the main navigation, shown to people holding any of {@code audience} (everyone signed in when empty).
 *
 * @param labelKey message key of the label
 * @param href where it leads
 * @param order position, lower first
 */
public record NavigationEntry(String labelKey, String href, Set<Role> audience, int order) {

    public NavigationEntry {
        audience = Set.copyOf(audience);
    }

    public boolean visibleTo(Set<Role> roles) {
        return audience.isEmpty() || audience.stream().anyMatch(roles::contains);
    }
}
