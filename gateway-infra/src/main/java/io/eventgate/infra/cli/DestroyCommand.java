package io.eventgate.infra.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Deletes every resource of the topology, tables and their data included.",
                "On AWS it only lists them unless --yes is given."})
final class DestroyCommand extends SessionCommand {

    @Option(names = "--yes", description = "Really delete on AWS (not needed on a local endpoint).")
    private boolean yes;

    @Override
    int run(Session session, PrintWriter out) {
        boolean execute = yes || session.settings.aws().local();
        out.println((execute ? "Destroying" : "Would destroy (add --yes to do it)")
                + " the eventgate topology on " + session.where());
        return Printer.print(session.provisioner.destroy(session.resources(), execute), out);
    }
}
