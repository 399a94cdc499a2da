package io.eventgate.infra;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules of this module, checked on the compiled classes. */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.eventgate.infra");

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
