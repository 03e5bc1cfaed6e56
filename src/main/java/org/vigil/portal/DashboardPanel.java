package org.vigil.portal;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.vigil.shared.Role;
import org.vigil.shared.VigilPrincipal;

/**
 * A panel of the dashboard, contributed by a module as a bean. It is shown to people holding any of
 * {@link #audience()} (everyone when empty), rendered from a Thymeleaf fragment with the model it supplies.
 */
public interface DashboardPanel {

    Set<Role> audience();

    /** Position, lower first. */
    int order();

    /** The fragment to render, for example {@code organisation/dashboard :: members}. */
    String fragment();

    /** What the fragment needs, computed for the person viewing the dashboard. */
    Map<String, Object> model(VigilPrincipal viewer);

    default boolean visibleTo(Set<Role> roles) {
        return audience().isEmpty() || audience().stream().anyMatch(roles::contains);
    }

    /** A panel for {@code audience} (everyone when empty), rendered from {@code fragment} with {@code model}. */
    static DashboardPanel of(Set<Role> audience, int order, String fragment,
            Function<VigilPrincipal, Map<String, Object>> model) {
        record Panel(Set<Role> audience, int order, String fragment,
                Function<VigilPrincipal, Map<String, Object>> supplier) implements DashboardPanel {
            @Override
            public Map<String, Object> model(VigilPrincipal viewer) {
                return supplier.apply(viewer);
            }
        }
        return new Panel(Set.copyOf(audience), order, fragment, model);
    }
}
