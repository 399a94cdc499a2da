package io.eventgate.localcloud;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries of local-cloud's packages: {@code json} and {@code edge} are the foundation and know no service;
 * each service ({@code dynamodb}, {@code sqs}, {@code apigateway}, {@code events}) stands on them alone, as AWS's
 * services stand behind one endpoint; only the root package ({@link LocalCloud}) puts them together.
 */
@AnalyzeClasses(packages = "io.eventgate.localcloud", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.eventgate.localcloud";
    private static final String JSON = ROOT + ".json..";
    private static final String EDGE = ROOT + ".edge..";
    private static final String STATE = ROOT + ".state..";
    private static final String DYNAMODB = ROOT + ".dynamodb..";
    private static final String SQS = ROOT + ".sqs..";
    private static final String APIGATEWAY = ROOT + ".apigateway..";
    private static final String EVENTS = ROOT + ".events..";

    @ArchTest
    static final ArchRule jsonDependsOnNothingOfLocalCloud = noClasses()
            .that().resideInAPackage(JSON)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, EDGE, STATE, DYNAMODB, SQS, APIGATEWAY, EVENTS)
            .as("json depends on nothing of local-cloud");

    @ArchTest
    static final ArchRule theEdgeKnowsNoServiceAndNoState = noClasses()
            .that().resideInAPackage(EDGE)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, STATE, DYNAMODB, SQS, APIGATEWAY, EVENTS)
            .as("edge depends on nothing of local-cloud but json");

    @ArchTest
    static final ArchRule theStateKnowsNoService = noClasses()
            .that().resideInAPackage(STATE)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT, DYNAMODB, SQS, APIGATEWAY, EVENTS)
            .as("state depends on nothing of local-cloud but edge and json");

    @ArchTest
    static final ArchRule dynamoDbKnowsNoOtherService = noClasses()
            .that().resideInAPackage(DYNAMODB)
            .should().dependOnClassesThat().resideInAnyPackage(SQS, APIGATEWAY, EVENTS)
            .as("dynamodb imports no other service");

    @ArchTest
    static final ArchRule sqsKnowsNoOtherService = noClasses()
            .that().resideInAPackage(SQS)
            .should().dependOnClassesThat().resideInAnyPackage(DYNAMODB, APIGATEWAY, EVENTS)
            .as("sqs imports no other service");

    @ArchTest
    static final ArchRule apiGatewayKnowsNoOtherService = noClasses()
            .that().resideInAPackage(APIGATEWAY)
            .should().dependOnClassesThat().resideInAnyPackage(DYNAMODB, SQS, EVENTS)
            .as("apigateway imports no other service: PutEvents integrations go through the edge, as on AWS");

    /**
     * The one link between services: EventBridge hands its SQS targets' messages straight to the SQS service's
     * backend (as AWS delivers inside the cloud), never through the edge; it knows nothing else of another service.
     */
    @ArchTest
    static final ArchRule eventBridgeKnowsOnlySqsOfTheOtherServices = noClasses()
            .that().resideInAPackage(EVENTS)
            .should().dependOnClassesThat().resideInAnyPackage(DYNAMODB, APIGATEWAY)
            .as("events imports no other service but sqs (its SQS targets)");

    @ArchTest
    static final ArchRule onlyTheRootAssemblesTheServices = noClasses()
            .that().resideOutsideOfPackage(ROOT)
            .should().dependOnClassesThat().resideInAPackage(ROOT)
            .as("nothing below io.eventgate.localcloud depends on LocalCloud or its settings");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.eventgate.localcloud.(*)..")
            .should().beFreeOfCycles();
}
