package org.backroom;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each package under {@code org.backroom} is a module that declares, in its {@code package-info.java}, the modules
 * it may use. This test keeps them from growing cycles, using what they did not declare or reaching into each
 * other's internals, and writes the module diagram and one canvas per module to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(BackroomApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyWhatTheyDeclare() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDiagramAndACanvasPerModule() {
		Path docs = Path.of("target", "spring-modulith-docs");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();

		assertThat(docs.resolve("components.puml")).content().contains("Lifecycle", "Customer", "Staff", "Permission");
		MODULES.forEach(module -> assertThat(docs.resolve("module-" + module.getIdentifier() + ".adoc")).exists());
	}

}
