package org.vigil.deadline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.deadline.rules.RuleCases.PACKS;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.ReflectionSupport;
import org.vigil.deadline.ReportingRule;

/**
 * Every rule of every bundled pack has a worked example: a test in this package marked {@link Covers} with its id.
 * A rule added to a pack without a test, or a test left marked for a rule that is gone, fails here.
 */
class RuleCoverageTests {

    private static final String PACKAGE = RuleCoverageTests.class.getPackageName();

    @Test
    void every_rule_of_every_bundled_pack_has_a_test_marked_with_its_id_and_every_mark_names_a_shipped_rule() {
        Set<String> shipped = PACKS.packs().stream().flatMap(pack -> pack.rules().stream())
                .map(ReportingRule::id).collect(Collectors.toCollection(TreeSet::new));

        Set<String> covered = coveringTests().stream().map(test -> test.getAnnotation(Covers.class).value())
                .collect(Collectors.toCollection(TreeSet::new));

        var withoutTest = new TreeSet<>(shipped);
        withoutTest.removeAll(covered);
        var notShipped = new TreeSet<>(covered);
        notShipped.removeAll(shipped);

        assertThat(shipped).as("rules in the bundled packs").isNotEmpty();
        assertThat(withoutTest).as("shipped rules without a @Covers test in %s", PACKAGE).isEmpty();
        assertThat(notShipped).as("@Covers marks naming a rule no bundled pack has").isEmpty();
    }

    @Test
    void every_marked_test_is_a_test_in_a_class_that_checks_the_mark() {
        // A mark on a method JUnit never runs, or in a class without CoveredRuleCheck, would count as coverage
        // without proving anything.
        for (Method test : coveringTests()) {
            assertThat(test.isAnnotationPresent(Test.class)).as("%s is a @Test", test).isTrue();
            ExtendWith extensions = test.getDeclaringClass().getAnnotation(ExtendWith.class);
            assertThat(extensions).as("%s is checked by CoveredRuleCheck", test.getDeclaringClass()).isNotNull();
            assertThat(extensions.value()).as("extensions of %s", test.getDeclaringClass())
                    .contains(CoveredRuleCheck.class);
        }
    }

    @Test
    void the_scan_finds_the_tests_of_this_package() {
        // Guards the scan itself: if it found nothing, the first test would fail only on the rule list, not say why.
        assertThat(coveringTests()).extracting(test -> test.getDeclaringClass().getSimpleName())
                .contains("EuMdrRuleTests", "UsCfr803RuleTests");
    }

    private static List<Method> coveringTests() {
        return ReflectionSupport.streamAllClassesInPackage(PACKAGE, type -> true, name -> true)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Covers.class))
                .toList();
    }
}
