package org.vigil.udi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The UDI library stays plain Java with a small public surface, as its module contract says. */
class UdiArchitectureTests {

    private static final JavaClasses UDI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vigil.udi");

    @Test
    void no_spring_dependency_anywhere_in_the_udi_library() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(UDI);
    }

    @Test
    void no_util_packages() {
        noClasses().should().resideInAPackage("..util..").check(UDI);
    }

    @Test
    void root_package_holds_only_facades_records_and_enums() {
        classes().that().resideInAPackage("org.vigil.udi").and().arePublic().and().areNotRecords().and()
                .areNotEnums()
                .should().haveOnlyPrivateConstructors().andShould().haveModifier(JavaModifier.FINAL)
                .check(UDI);
    }

    @Test
    void issuer_packages_do_not_depend_on_each_other_except_iso_15434_format_05_handing_over_to_gs1() {
        noClasses().that().resideInAPackage("org.vigil.udi.hibcc..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vigil.udi.gs1..", "org.vigil.udi.isbt128..",
                        "org.vigil.udi.ifa..").check(UDI);
        noClasses().that().resideInAPackage("org.vigil.udi.isbt128..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vigil.udi.gs1..", "org.vigil.udi.hibcc..",
                        "org.vigil.udi.ifa..").check(UDI);
        noClasses().that().resideInAPackage("org.vigil.udi.gs1..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vigil.udi.hibcc..", "org.vigil.udi.isbt128..",
                        "org.vigil.udi.ifa..").check(UDI);
    }
}
