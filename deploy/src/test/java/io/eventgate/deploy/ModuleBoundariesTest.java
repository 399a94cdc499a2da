package io.eventgate.deploy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.eventgate.deploy.gateway.GatewayStack;
import io.eventgate.deploy.gateway.ServiceBinding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules of the CDK app, checked on its compiled classes. */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .importPath(Path.of(DeployApp.class.getProtectionDomain().getCodeSource().getLocation().getPath()));

    @Test
    void theDescriptionKnowsNoConstructOfThisApp() {
        noClasses().that().resideInAPackage("..deploy.topology..")
                .should().dependOnClassesThat().resideInAnyPackage("..deploy.gateway..", "..deploy.services..",
                        "..deploy.alarms..", "..deploy.nag..", "..deploy.secrets..")
                .check(CLASSES);
    }

    @Test
    void theGatewayKnowsNothingOfTheServices() {
        noClasses().that().resideInAPackage("..deploy.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("..deploy.services..", "..deploy.nag..")
                .check(CLASSES);
    }

    @Test
    void theServicesTakeFromTheGatewayOnlyItsStackAndTheirBindings() {
        noClasses().that().resideInAPackage("..deploy.services..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "gateway classes other than GatewayStack and ServiceBinding",
                        c -> c.getPackageName().endsWith("deploy.gateway") && !c.isEquivalentTo(GatewayStack.class)
                                && !c.isEquivalentTo(ServiceBinding.class)))
                .check(CLASSES);
    }

    @Test
    void sharedPiecesDependOnNoStack() {
        noClasses().that().resideInAnyPackage("..deploy.alarms..", "..deploy.secrets..")
                .should().dependOnClassesThat().resideInAnyPackage("..deploy.gateway..", "..deploy.services..",
                        "..deploy.topology..", "..deploy.nag..")
                .check(CLASSES);
    }
}
