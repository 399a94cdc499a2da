package io.eventgate.infra.cli;

import io.eventgate.infra.provision.Report;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Deletes every resource of the topology, tables and their data included.",
                "On AWS it only lists them unless --yes is given."})
final class DestroyCommand implements Callable<Integer> {

    @CommandLine.Mixin
    private TargetOptions target;

    @Option(names = "--yes", description = "Really delete on AWS (not needed on a local endpoint).")
    private boolean yes;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = new Session(target)) {
            boolean execute = yes || session.settings.aws().local();
            out.println((execute ? "Destroying" : "Would destroy (add --yes to do it)")
                    + " the eventgate topology on " + session.where());
            Report report = session.provisioner.destroy(session.resources(), execute);
            Printer.print(report, out);
            return report.succeeded() ? 0 : 1;
        }
    }
}
