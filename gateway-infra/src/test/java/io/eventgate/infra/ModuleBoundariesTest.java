package io.eventgate.infra;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.eventgate.infra.cli.GatewayInfraCli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules of this module, checked on the compiled classes. */
class ModuleBoundariesTest {

    /** This module's main classes only: scanning the whole classpath (the SDK jars) would take half a minute. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .importPath(Path.of(GatewayInfraCli.class.getProtectionDomain().getCodeSource().getLocation().getPath()));

    @Test
    void theEngineAndTheSettingsKnowNoSdk() {
        noClasses().that().resideInAnyPackage("..infra.provision..", "..infra.settings..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotReachUpIntoTheTopologyOutputsOrCli() {
        noClasses().that().resideInAnyPackage("..infra.dynamodb..", "..infra.sqs..", "..infra.events..",
                        "..infra.apigateway..", "..infra.iam..", "..infra.aws..")
                .should().dependOnClassesThat().resideInAnyPackage("..infra.topology..", "..infra.outputs..",
                        "..infra.cli..")
                .check(CLASSES);
    }

    @Test
    void resourceFamiliesStayApart() {
        noClasses().that().resideInAnyPackage("..infra.apigateway..")
                .should().dependOnClassesThat().resideInAnyPackage("..infra.events..", "..infra.sqs..",
                        "..infra.dynamodb..", "..infra.iam..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("..infra.events..", "..infra.sqs..", "..infra.dynamodb..",
                        "..infra.iam..")
                .should().dependOnClassesThat().resideInAnyPackage("..infra.apigateway..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCliReadsTheProcessEnvironment() {
        noClasses().that().resideOutsideOfPackage("..infra.cli..")
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .check(CLASSES);
    }
}
