package io.eventgate.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layers of the provisioner, bottom up: {@code settings} (what to build) and {@code provision} (the generic
 * plan/apply engine) know no AWS SDK; {@code aws} builds the SDK clients; one package per resource family
 * ({@code dynamodb}, {@code sqs}, {@code events}, {@code iam}, {@code apigateway}) implements the engine's
 * {@code Resource} with the SDK and knows no other family; {@code topology} puts the resources together,
 * {@code outputs} and {@code trace} read what was built, and {@code cli} alone drives them all.
 */
@AnalyzeClasses(packages = "io.eventgate.infra", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final List<String> FAMILIES = List.of("dynamodb", "sqs", "events", "iam", "apigateway");

    @ArchTest
    static final ArchRule theEngineAndTheSettingsKnowNoSdk = noClasses()
            .that().resideInAnyPackage("..infra.provision..", "..infra.settings..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..");

    @ArchTest
    static final ArchRule theEngineKnowsNothingElseOfThisModule = noClasses()
            .that().resideInAPackage("..infra.provision..")
            .should().dependOnClassesThat().resideInAnyPackage(packages("settings", "aws", "dynamodb", "sqs",
                    "events", "iam", "apigateway", "topology", "outputs", "trace", "cli"))
            .as("provision (the plan/apply engine) knows nothing else of gateway-infra");

    @ArchTest
    static final ArchRule theSettingsAndTheClientsKnowNoResource = noClasses()
            .that().resideInAnyPackage("..infra.settings..", "..infra.aws..")
            .should().dependOnClassesThat().resideInAnyPackage(packages("provision", "dynamodb", "sqs", "events",
                    "iam", "apigateway", "topology", "outputs", "trace", "cli"))
            .as("settings and aws know no resource, topology, output or command");

    @ArchTest
    static final ArchRule resourcesDoNotReachUpIntoTheTopologyOutputsOrCli = noClasses()
            .that().resideInAnyPackage(packages("dynamodb", "sqs", "events", "iam", "apigateway"))
            .should().dependOnClassesThat().resideInAnyPackage(packages("topology", "outputs", "trace", "cli"));

    @ArchTest
    static final ArchRule resourceFamiliesStayApart = CompositeArchRule.of(FAMILIES.stream()
            .map(family -> (ArchRule) noClasses().that().resideInAPackage("..infra." + family + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages(FAMILIES.stream()
                            .filter(other -> !other.equals(family)).toArray(String[]::new)))
                    .as(family + " knows no other resource family"))
            .toList()).as("resource families stay apart");

    @ArchTest
    static final ArchRule outputsAndTraceDoNotBuild = noClasses()
            .that().resideInAnyPackage("..infra.outputs..", "..infra.trace..")
            .should().dependOnClassesThat().resideInAnyPackage(packages("topology", "cli"))
            .as("outputs and trace read what was built; they do not build it");

    @ArchTest
    static final ArchRule onlyTheCliReadsTheProcessEnvironment = noClasses()
            .that().resideOutsideOfPackage("..infra.cli..")
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class);

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.eventgate.infra.(*)..").should()
            .beFreeOfCycles();

    private static String[] packages(String... names) {
        return Stream.of(names).map(name -> "..infra." + name + "..").toArray(String[]::new);
    }
}
