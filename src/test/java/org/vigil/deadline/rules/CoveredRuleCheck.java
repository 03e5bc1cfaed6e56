package org.vigil.deadline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps {@link Covers} honest: a test marked as covering a rule must have taken that rule's obligation through
 * {@link RuleCases#obligationFrom}, so a mark copied onto the wrong test fails instead of counting as coverage.
 * JUnit runs the tests of this package one at a time on one thread, so a thread-local record is enough.
 */
final class CoveredRuleCheck implements BeforeEachCallback, AfterEachCallback {

    private static final ThreadLocal<Set<String>> EXAMINED = ThreadLocal.withInitial(LinkedHashSet::new);

    static void examined(String ruleId) {
        EXAMINED.get().add(ruleId);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        EXAMINED.get().clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            Covers covers = context.getRequiredTestMethod().getAnnotation(Covers.class);
            if (covers != null && context.getExecutionException().isEmpty()) {
                assertThat(EXAMINED.get()).as("rules whose obligations %s examined",
                        context.getRequiredTestMethod().getName()).contains(covers.value());
            }
        } finally {
            EXAMINED.get().clear();
        }
    }
}
