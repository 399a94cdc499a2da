package io.eventgate.orders;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Boundaries that keep the domain free of infrastructure, and the features free of cycles. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.eventgate.orders");

    @Test
    void theDomainUsesNoAwsSdkTypes() {
        noClasses().that().resideInAPackage("io.eventgate.orders.order")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.awspring..")
                .check(CLASSES);
    }

    @Test
    void theHttpApiUsesNoAwsSdkTypes() {
        noClasses().that().resideInAPackage("io.eventgate.orders.order.web..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.awspring..")
                .check(CLASSES);
    }

    @Test
    void theLiveUpdatesUseNoAwsSdkTypes() {
        // They learn of changes through the domain's OrderChangeListener port, whatever feeds it.
        noClasses().that().resideInAPackage("io.eventgate.orders.tracking..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.awspring..",
                        "io.eventgate.orders.order.storage..", "io.eventgate.orders.table..")
                .check(CLASSES);
    }

    @Test
    void theDomainDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("io.eventgate.orders.order")
                .should().dependOnClassesThat().resideInAnyPackage("io.eventgate.orders.order.storage..",
                        "io.eventgate.orders.order.web..", "io.eventgate.orders.outbox..", "io.eventgate.orders.inbox..",
                        "io.eventgate.orders.table..", "io.eventgate.orders.aws..",
                        "io.eventgate.orders.tracking..")
                .check(CLASSES);
    }

    @Test
    void featuresAreFreeOfCycles() {
        // E.g. the order's storage adapter stores the outbox record through its own OutboxRecords port, which the
        // outbox implements: outbox → order, never back.
        slices().matching("io.eventgate.orders.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
