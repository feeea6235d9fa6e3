package it.sportello.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module dependencies of DESIGN.md: web -> tenant-admin, billing -> platform-core; infra -> platform-core. */
@AnalyzeClasses(packages = "it.sportello", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependencyTest {

	@ArchTest
	static final ArchRule coreDependsOnNoOtherModule = noClasses().that()
		.resideInAPackage("it.sportello.core..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("it.sportello.admin..", "it.sportello.billing..", "it.sportello.infra..",
				"it.sportello.web..");

	@ArchTest
	static final ArchRule tenantAdminDependsOnlyOnCore = noClasses().that()
		.resideInAPackage("it.sportello.admin..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("it.sportello.billing..", "it.sportello.infra..", "it.sportello.web..");

	@ArchTest
	static final ArchRule billingDependsOnlyOnCore = noClasses().that()
		.resideInAPackage("it.sportello.billing..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("it.sportello.admin..", "it.sportello.infra..", "it.sportello.web..");

	@ArchTest
	static final ArchRule infraDependsOnlyOnCore = noClasses().that()
		.resideInAPackage("it.sportello.infra..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("it.sportello.admin..", "it.sportello.billing..", "it.sportello.web..");

	@ArchTest
	static final ArchRule webUsesInfraOnlyAtRunTime = noClasses().that()
		.resideInAPackage("it.sportello.web..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("it.sportello.infra..");
}
