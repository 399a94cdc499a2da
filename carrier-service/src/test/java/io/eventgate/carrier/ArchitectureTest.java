package io.eventgate.carrier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries of the carrier's packages. */
@AnalyzeClasses(packages = "io.eventgate.carrier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheStoreSeesTheAwsSdk = noClasses()
            .that().resideOutsideOfPackage("io.eventgate.carrier.store..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .as("AWS SDK types stay in the store adapter");

    @ArchTest
    static final ArchRule reportsKnowNothingOfShipmentsOrStorage = noClasses()
            .that().resideInAPackage("io.eventgate.carrier.report..")
            .should().dependOnClassesThat().resideInAnyPackage("io.eventgate.carrier.shipment..",
                    "io.eventgate.carrier.store..", "io.eventgate.carrier.web..");

    @ArchTest
    static final ArchRule shipmentsDoNotKnowTheStoreOrTheWebLayer = noClasses()
            .that().resideInAPackage("io.eventgate.carrier.shipment..")
            .should().dependOnClassesThat().resideInAnyPackage("io.eventgate.carrier.store..",
                    "io.eventgate.carrier.web..", "io.eventgate.carrier.simulator..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.eventgate.carrier.(*)..").should().beFreeOfCycles();
}
