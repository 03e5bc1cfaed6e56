package org.vigil.deadline.rules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test as the worked example of one shipped reporting rule, by the rule's id in its pack
 * ({@code rulepacks/*.json}). {@link RuleCoverageTests} fails while a rule of any bundled pack has no test marked for
 * it, or a mark names a rule no pack has; {@link CoveredRuleCheck} fails a marked test that never looks at the
 * obligation of the rule it claims to cover.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {

    /** The rule id, for example {@code "mdr-87-death"}. */
    String value();
}
