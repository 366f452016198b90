package dev.latchkey;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package by feature holds only while features do not depend on each other in a circle: then each can be read,
 * tested and changed with what it uses, and no more. Every package directly under {@code dev.latchkey}
 * ({@code account}, {@code apikey}, {@code tenant}, {@code shared}, …, sub-packages included) is one slice.
 */
class FeaturePackagesTest {

	private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.latchkey");

	@Test
	void featurePackagesHaveNoDependencyCycle() {
		slices().matching("dev.latchkey.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
	}

}
