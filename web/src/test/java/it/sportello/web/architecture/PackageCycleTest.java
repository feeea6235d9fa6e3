package it.sportello.web.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Feature packages depend on each other one way: a cycle (booking needs association needs booking) means neither can
 * be read, moved or tested alone. Each package directly under a module is a slice ({@code core.booking},
 * {@code web.association}, ...).
 */
@AnalyzeClasses(packages = "it.sportello", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCycleTest {

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("it.sportello.(*).(*)..")
		.namingSlices("$1.$2")
		.should()
		.beFreeOfCycles();
}
