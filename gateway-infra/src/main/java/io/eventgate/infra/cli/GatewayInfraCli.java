package io.eventgate.infra.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar gateway-infra-exec.jar <command> [options]}; {@code --help} lists everything. */
@Command(name = "gateway-infra", mixinStandardHelpOptions = true, version = "gateway-infra 0.1.0",
        description = "Provisions the eventgate Event Gateway topology on AWS, LocalStack or local-cloud.",
        subcommands = {ApplyCommand.class, PlanCommand.class, DestroyCommand.class, OutputsCommand.class,
                ReplayCommand.class, RedriveCommand.class, TraceCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 done, 1 a resource failed (see its line), 2 bad usage or settings."})
public final class GatewayInfraCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs one command line with the given environment and streams (what tests call).
     *
     * @return the exit status
     */
    public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new GatewayInfraCli(), new Factory(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives commands the environment they run in instead of letting them read the process's. */
    private record Factory(Map<String, String> environment) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == TargetOptions.class) {
                return type.cast(new TargetOptions(environment));
            }
            if (type == TraceCommand.class) {
                return type.cast(new TraceCommand(environment));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
