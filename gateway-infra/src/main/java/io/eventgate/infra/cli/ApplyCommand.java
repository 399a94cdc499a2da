package io.eventgate.infra.cli;

import io.eventgate.infra.provision.Report;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Creates or updates every resource to match the topology; a second apply changes nothing.",
                "Writes the outputs file (secrets it generated are kept there before they reach AWS)."})
final class ApplyCommand implements Callable<Integer> {

    @CommandLine.Mixin
    private TargetOptions target;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = new Session(target)) {
            out.println("Applying the eventgate topology to " + session.where());
            Report report = session.provisioner.apply(session.resources());
            Printer.print(report, out);
            session.outputsFile.write(session.outputs(report.facts()));
            out.println("Outputs written to " + session.outputsFile.path());
            return report.succeeded() ? 0 : 1;
        }
    }
}
