package org.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.Role;

/** The shape of the code described in DEVELOPERS.md, checked on every build. */
class ArchitectureTests {

    static final JavaClasses vigil = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vigil");

    @Test
    void domain_models_know_nothing_of_the_web_or_of_jdbc() {
        noClasses().that().resideInAPackage("org.vigil.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.jdbc..", "jakarta.servlet..", "java.sql..", "org.springframework.ui..",
                        "..web..", "..persistence..")
                .check(vigil);
    }

    @Test
    void pages_and_rest_controllers_live_in_web_packages() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("org.vigil.*.web..")
                .orShould().resideInAPackage("org.vigil.organisation.signin..")
                // A module's sub-area with web code of its own: device imports.
                .orShould().resideInAPackage("org.vigil.device.importing.web..")
                .check(vigil);
    }

    @Test
    void only_persistence_code_talks_sql() {
        noClasses().that().resideOutsideOfPackages("..persistence..", "..database..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc.core..", "java.sql..")
                .check(vigil);
    }

    @Test
    void repositories_live_in_persistence_packages() {
        classes().that().areAnnotatedWith(Repository.class)
                .should().resideInAnyPackage("..persistence..", "..database..")
                .check(vigil);
    }

    @Test
    void module_roots_hold_only_their_public_api() {
        classes().that().resideInAPackage("org.vigil.*")
                .and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .should().bePublic()
                .andShould().notBeAnnotatedWith(Controller.class)
                .andShould().notBeAnnotatedWith(RestController.class)
                .andShould().notBeAnnotatedWith(Repository.class)
                .andShould().notBeAnnotatedWith(org.springframework.context.annotation.Configuration.class)
                .check(vigil);
    }

    @Test
    void there_are_no_grab_bag_packages() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..helper..", "..helpers..", "..common..",
                "..misc..").check(vigil);
    }

    @Test
    void dependencies_are_injected_through_constructors() {
        fields().should().notBeAnnotatedWith(Autowired.class).check(vigil);
    }

    @Test
    void only_the_command_line_writes_to_standard_streams() {
        noClasses().that().resideOutsideOfPackage("..cli..").and().doNotHaveFullyQualifiedName(
                VigilApplication.class.getName())
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(vigil);
    }

    @Test
    void no_java_util_logging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(vigil);
    }

    @Test
    void every_role_named_in_an_access_rule_exists() {
        Set<String> roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        var nameOnlyExistingRoles = new ArchCondition<JavaClass>("name only roles that exist") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                check(type.getName(), type.tryGetAnnotationOfType(RolesAllowed.class).orElse(null), events);
                for (JavaMethod method : type.getMethods()) {
                    check(method.getFullName(), method.tryGetAnnotationOfType(RolesAllowed.class).orElse(null),
                            events);
                }
            }

            private void check(String where, RolesAllowed rule, ConditionEvents events) {
                if (rule == null) {
                    return;
                }
                for (String role : rule.value()) {
                    if (!roles.contains(role)) {
                        events.add(SimpleConditionEvent.violated(where, where + " names unknown role " + role));
                    }
                }
            }
        };
        classes().should(nameOnlyExistingRoles).check(vigil);
    }
}
