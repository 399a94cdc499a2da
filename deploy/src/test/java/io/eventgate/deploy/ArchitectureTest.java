package io.eventgate.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.eventgate.deploy.gateway.GatewayStack;
import io.eventgate.deploy.gateway.ServiceBinding;

/** The package rules of the CDK app. */
@AnalyzeClasses(packages = "io.eventgate.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDescriptionKnowsNoConstructOfThisApp = noClasses()
            .that().resideInAPackage("..deploy.topology..")
            .should().dependOnClassesThat().resideInAnyPackage("..deploy.gateway..", "..deploy.services..",
                    "..deploy.alarms..", "..deploy.nag..", "..deploy.secrets..");

    @ArchTest
    static final ArchRule theGatewayKnowsNothingOfTheServices = noClasses()
            .that().resideInAPackage("..deploy.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("..deploy.services..", "..deploy.nag..");

    @ArchTest
    static final ArchRule theServicesTakeFromTheGatewayOnlyItsStackAndTheirBindings = noClasses()
            .that().resideInAPackage("..deploy.services..")
            .should().dependOnClassesThat(DescribedPredicate.describe(
                    "gateway classes other than GatewayStack and ServiceBinding",
                    (JavaClass c) -> c.getPackageName().endsWith("deploy.gateway")
                            && !c.isEquivalentTo(GatewayStack.class) && !c.isEquivalentTo(ServiceBinding.class)));

    @ArchTest
    static final ArchRule sharedPiecesDependOnNoStack = noClasses()
            .that().resideInAnyPackage("..deploy.alarms..", "..deploy.secrets..")
            .should().dependOnClassesThat().resideInAnyPackage("..deploy.gateway..", "..deploy.services..",
                    "..deploy.topology..", "..deploy.nag..");
}
