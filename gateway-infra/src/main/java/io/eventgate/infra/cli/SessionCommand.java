package io.eventgate.infra.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** A command that works on one target: it opens a {@link Session} on it, runs, and closes the session. */
abstract class SessionCommand implements Callable<Integer> {

    @CommandLine.Mixin
    private TargetOptions target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws InterruptedException {
        try (Session session = new Session(target)) {
            return run(session, spec.commandLine().getOut());
        }
    }

    /** @return the exit code */
    abstract int run(Session session, PrintWriter out) throws InterruptedException;
}
