package io.eventgate.infra.cli;

import io.eventgate.infra.provision.Report;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Lists what apply would change, changing nothing.")
final class PlanCommand implements Callable<Integer> {

    @CommandLine.Mixin
    private TargetOptions target;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = new Session(target)) {
            out.println("Planning the eventgate topology on " + session.where());
            Report report = session.provisioner.plan(session.resources());
            Printer.print(report, out);
            return report.succeeded() ? 0 : 1;
        }
    }
}
