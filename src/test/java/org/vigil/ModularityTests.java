package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.vigil.shared.database.DatabaseProperties;

/** The module structure: boundaries, documentation, and migrations that follow module dependencies. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(VigilApplication.class);

    @Test
    void modules_only_use_each_others_public_api_and_form_no_cycles() {
        modules.verify();
    }

    @Test
    void module_documentation_is_generated() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(new java.io.File("target/spring-modulith-docs")).isDirectory();
    }

    @Test
    void every_migration_folder_belongs_to_a_module_and_is_migrated_after_the_modules_it_depends_on()
            throws IOException {
        List<String> order = Binder.get(new StandardEnvironment())
                .bindOrCreate("vigil.db", DatabaseProperties.class).migrationModules();
        Set<String> folders = new TreeSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/migration/*/*.sql")) {
            String path = resource.getURL().getPath();
            String folder = path.substring(0, path.lastIndexOf('/'));
            folders.add(folder.substring(folder.lastIndexOf('/') + 1));
        }
        assertThat(order).as("vigil.db.migration-modules lists every migration folder once")
                .containsExactlyInAnyOrderElementsOf(folders);
        var migrated = new ArrayList<String>();
        for (String name : order) {
            ApplicationModule module = modules.getModuleByName(name)
                    .orElseThrow(() -> new AssertionError("db/migration/" + name + " is not a module"));
            module.getDirectDependencies(modules).uniqueModules()
                    .map(ApplicationModule::getIdentifier)
                    .map(Object::toString)
                    .filter(folders::contains)
                    .forEach(dependency -> assertThat(migrated)
                            .as("%s depends on %s, so %s must be migrated first", name, dependency, dependency)
                            .contains(dependency));
            migrated.add(name);
        }
    }
}
