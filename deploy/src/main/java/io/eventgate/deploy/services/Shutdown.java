package io.eventgate.deploy.services;

import software.amazon.awscdk.Duration;

/**
 * How a task stops without dropping work. When ECS stops a task (scale-in, deployment, rollback) it first deregisters
 * it from the target group and waits the deregistration delay while the load balancer drains it — the application is
 * still fully up and finishes what it has. Only then does ECS send SIGTERM: Spring's graceful shutdown refuses new
 * requests, waits for the ones in flight and stops the SQS listener and the background senders, each lifecycle phase
 * for at most {@code springPhase}. ECS sends SIGKILL {@code stopTimeout} after SIGTERM, which leaves the remaining
 * phases and the JVM's exit time to finish.
 */
public record Shutdown(Duration deregistrationDelay, Duration springPhase, Duration stopTimeout) {

    /** Requests take well under a second; 30 s of draining is generous, far below the 300 s default. */
    public static final Shutdown DEFAULT = new Shutdown(Duration.seconds(30), Duration.seconds(20),
            Duration.seconds(45));

    public Shutdown {
        if (stopTimeout.toSeconds().doubleValue() <= springPhase.toSeconds().doubleValue()
                || stopTimeout.toSeconds().doubleValue() > 120) {
            throw new IllegalArgumentException("the stop timeout must exceed one shutdown phase and stay within"
                    + " Fargate's 120 s");
        }
    }

    /** Spring Boot's setting for the phase timeout ({@code spring.lifecycle.timeout-per-shutdown-phase}). */
    public String springPhaseSetting() {
        return springPhase.toSeconds().intValue() + "s";
    }
}
